import { z } from 'zod';

/**
 * Where a value failed its schema, for `details` of a 400 error or of a rejected mutation:
 * `path` is dotted from the root of what was checked (`answers.personName`, `mutations.3.id`),
 * empty for the root itself; `message` is the schema's (French for form answers).
 */
export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export function toFieldIssues(
  error: z.ZodError,
  prefix: readonly PropertyKey[] = [],
): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
  }));
}
