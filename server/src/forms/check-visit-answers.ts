import type { z } from 'zod';
import { buildAnswersSchema, computedMismatches } from '../../../shared/forms/answers-schema';
import { type FormDefinition, formDefinitionSchema } from '../../../shared/forms/definition-schema';
import { answersSchemaFor } from '../../../shared/forms/registry';
import { toFieldIssues } from '../../../shared/field-issues';
import type { VisitData } from '../../../shared/schemas/visit';
import type { Queryable } from '../db/database';
import { findFormDefinition } from '../db/queries/form-definitions';
import { type MutationOutcome, reject } from '../sync/outcome';

export type CheckedAnswers =
  { ok: true; answers: Record<string, unknown> } | { ok: false; outcome: MutationOutcome };

/** What checks the answers of one form version; `definition` when it is a published one. */
export interface AnswersCheck {
  schema: z.ZodType;
  definition?: FormDefinition;
}

/**
 * The check of the exact form version a visit was filled with: the hand-written forms of
 * shared/forms/registry.ts, else a published definition (undefined: no such version). A
 * published version is never changed (db/queries/form-definitions.ts), so one check serves
 * every visit of that version in a push batch.
 */
export async function loadAnswersCheck(
  tx: Queryable,
  formId: string,
  formVersion: number,
): Promise<AnswersCheck | undefined> {
  const handWritten = answersSchemaFor(formId, formVersion);
  if (handWritten) return { schema: handWritten };
  const stored = await findFormDefinition(tx, formId, formVersion);
  const definition = stored === undefined ? undefined : formDefinitionSchema.safeParse(stored);
  if (!definition?.success) return undefined;
  return { schema: buildAnswersSchema(definition.data), definition: definition.data };
}

/**
 * A visit's answers checked by its form version's `check`: cleaned by the definition (hidden
 * fields dropped), and computed values recomputed: a stored score or GIR that differs from
 * the code's is refused as `computed_mismatch`.
 */
export function checkVisitAnswers(
  check: AnswersCheck | undefined,
  visit: Pick<VisitData, 'formId' | 'formVersion' | 'answers'>,
): CheckedAnswers {
  const { formId, formVersion } = visit;
  if (!check) return { ok: false, outcome: reject('unknown_form', { formId, formVersion }) };

  const parsed = check.schema.safeParse(visit.answers);
  if (!parsed.success)
    return {
      ok: false,
      outcome: reject('invalid_record', toFieldIssues(parsed.error, ['answers'])),
    };
  if (check.definition) {
    const mismatches = computedMismatches(check.definition, visit.answers);
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
