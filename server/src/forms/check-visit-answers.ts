import { buildAnswersSchema, computedMismatches } from '../../../shared/forms/answers-schema';
import { formDefinitionSchema } from '../../../shared/forms/definition-schema';
import { answersSchemaFor } from '../../../shared/forms/registry';
import { toFieldIssues } from '../../../shared/field-issues';
import type { VisitData } from '../../../shared/schemas/visit';
import type { Queryable } from '../db/database';
import { findFormDefinition } from '../db/queries/form-definitions';
import { type MutationOutcome, reject } from '../sync/outcome';

export type CheckedAnswers =
  { ok: true; answers: Record<string, unknown> } | { ok: false; outcome: MutationOutcome };

/**
 * A visit's answers checked against the exact form version it was filled with: the
 * hand-written forms of shared/forms/registry.ts, else a published definition. Answers are
 * cleaned by the definition (hidden fields dropped), and computed values are recomputed: a
 * stored score or GIR that differs from the code's is refused as `computed_mismatch`.
 */
export async function checkVisitAnswers(
  tx: Queryable,
  visit: Pick<VisitData, 'formId' | 'formVersion' | 'answers'>,
): Promise<CheckedAnswers> {
  const { formId, formVersion } = visit;
  const handWritten = answersSchemaFor(formId, formVersion);
  const stored = handWritten ? undefined : await findFormDefinition(tx, formId, formVersion);
  const definition = stored === undefined ? undefined : formDefinitionSchema.safeParse(stored);
  const schema =
    handWritten ?? (definition?.success ? buildAnswersSchema(definition.data) : undefined);
  if (!schema) return { ok: false, outcome: reject('unknown_form', { formId, formVersion }) };

  const parsed = schema.safeParse(visit.answers);
  if (!parsed.success)
    return {
      ok: false,
      outcome: reject('invalid_record', toFieldIssues(parsed.error, ['answers'])),
    };
  if (definition?.success) {
    const mismatches = computedMismatches(definition.data, visit.answers);
    if (mismatches.length > 0) {
      return {
        ok: false,
        outcome: reject(
          'computed_mismatch',
          mismatches.map((m) => ({ path: ['answers', ...m.path].join('.'), message: m.message })),
        ),
      };
    }
  }
  return { ok: true, answers: parsed.data as Record<string, unknown> };
}
