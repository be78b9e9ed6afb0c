import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ApiErrorCode } from '../../../shared/errors';
import { ApiError, errorBody } from './api-error';

/** HTTP statuses Hono or its middleware may throw, as our error codes. */
const CODE_BY_STATUS: Partial<Record<number, ApiErrorCode>> = {
  400: 'invalid_body',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
};

/** Every error becomes `{ error: { code, message, details? } }`; never a stack, never HTML. */
export function errorHandler(log: (line: string) => void): ErrorHandler {
  return (error, c) => {
    if (error instanceof ApiError)
      return c.json(errorBody(error.code, error.details), error.status, error.headers);
    const code = error instanceof HTTPException ? CODE_BY_STATUS[error.status] : undefined;
    if (error instanceof HTTPException && code) return c.json(errorBody(code), error.status);
    log(`Erreur interne sur ${c.req.method} ${c.req.path} : ${error.stack ?? error.message}`);
    return c.json(errorBody('internal_error'), 500);
  };
}

export const notFoundHandler: NotFoundHandler = (c: Context) => c.json(errorBody('not_found'), 404);
