import { z } from 'zod';
import type { FormDefinition } from './definition-schema';
import { type AnswerIssue, evaluateForm } from './evaluate-form';

/**
 * The zod schema of a form's answers, built at run time from its definition, used by the
 * tablet before signing and by the server on every pushed visit. Its output keeps only
 * visible, answered fields (hidden ones are dropped, not validated) and carries the computed
 * values as the code computes them; errors carry the field path and a French reason.
 */
export function buildAnswersSchema(
  definition: FormDefinition,
): z.ZodType<Record<string, unknown>, Record<string, unknown>> {
  return z
    .record(z.string(), z.unknown(), { error: 'Réponses attendues.' })
    .transform((raw, ctx) => {
      const evaluation = evaluateForm(definition, raw);
      for (const issue of evaluation.issues) {
        ctx.issues.push({ code: 'custom', message: issue.message, path: issue.path, input: raw });
      }
      return evaluation.issues.length > 0 ? z.NEVER : evaluation.answers;
    });
}

/**
 * Computed values in `submitted` that differ from what the code computes from the same
 * answers: the server refuses such a visit (`computed_mismatch`), since a tablet running
 * other rules, or an edited record, would otherwise store a GIR or a score nobody computed.
 */
export function computedMismatches(
  definition: FormDefinition,
  submitted: Readonly<Record<string, unknown>>,
): AnswerIssue[] {
  return evaluateForm(definition, submitted).computed.flatMap(({ path, value }) => {
    const given = valueAt(submitted, path);
    return stableJson(given) === stableJson(value)
      ? []
      : [
          {
            path,
            message: `Valeur calculée différente : ${stableJson(value) ?? 'aucune'} attendu, ${stableJson(given) ?? 'aucune'} reçu.`,
          },
        ];
  });
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** JSON with object keys sorted, so two equal values always give the same text. */
export function stableJson(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
