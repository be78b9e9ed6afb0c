import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ApiErrorCode, apiErrorCodes } from '../../../shared/errors';
import type { ApiErrorBody } from '../../../shared/errors';

/** A 4xx the client can act on, with a stable code and its French message (shared/errors.ts). */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    readonly details?: unknown,
    /** Sent with the error, e.g. `Retry-After` on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message: apiErrorCodes[code] });
  }
}

export function errorBody(code: ApiErrorCode, details?: unknown): ApiErrorBody {
  return {
    error:
      details === undefined
        ? { code, message: apiErrorCodes[code] }
        : { code, message: apiErrorCodes[code], details },
  };
}
