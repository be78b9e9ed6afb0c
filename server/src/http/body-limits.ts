import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-error';

/** Refuses a body over `maxSize` bytes with 413 `payload_too_large`, before reading it all. */
export function limitBody(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'payload_too_large');
    },
  });
}
