import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './api-error';

/**
 * The path parameter `name` parsed by `schema`, or 404 `not_found`: a malformed id names no
 * resource, and it never reaches the database (PostgreSQL refuses a NUL byte with an error).
 */
export function pathParam<T extends z.ZodType>(c: Context, name: string, schema: T): z.output<T> {
  const parsed = schema.safeParse(c.req.param(name));
  if (!parsed.success) throw new ApiError(404, 'not_found');
  return parsed.data;
}
