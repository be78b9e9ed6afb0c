import type { Context } from 'hono';
import type { z } from 'zod';
import { toFieldIssues } from '../../../shared/field-issues';
import { ApiError } from './api-error';

/** The request body as JSON, or 400 `invalid_json`. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json');
  }
}

/** `value` parsed by `schema`, or 400 with `code` and the failing paths as details. */
export function parseOr400<T extends z.ZodType>(
  schema: T,
  value: unknown,
  code: 'invalid_body' | 'invalid_query',
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(400, code, toFieldIssues(parsed.error));
  return parsed.data;
}
