import { z } from 'zod';

/**
 * `visibleIf` conditions: data, never code. A condition compares the answer of another field
 * (by id) with a constant, or combines conditions with all / any / not. Nothing from a
 * definition is ever evaluated as a string of code.
 */
export const comparisonOps = [
  'equals',
  'notEquals',
  'in',
  'includes',
  'answered',
  'notAnswered',
  'gt',
  'gte',
  'lt',
  'lte',
] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof scalarSchema>;

export interface Comparison {
  field: string;
  op: ComparisonOp;
  value?: Scalar | Scalar[];
}
export type Condition =
  Comparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };

const comparisonSchema = z.strictObject({
  field: z.string().min(1),
  op: z.enum(comparisonOps),
  value: z.union([scalarSchema, z.array(scalarSchema)]).optional(),
});

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparisonSchema,
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

/** Every field id a condition reads, with the comparison that reads it. */
export function conditionComparisons(condition: Condition): Comparison[] {
  if ('all' in condition) return condition.all.flatMap(conditionComparisons);
  if ('any' in condition) return condition.any.flatMap(conditionComparisons);
  if ('not' in condition) return conditionComparisons(condition.not);
  return [condition];
}

/** Ops that need a `value`, and of which shape. */
export function comparisonValueProblem(c: Comparison): string | undefined {
  if (c.op === 'answered' || c.op === 'notAnswered')
    return c.value === undefined ? undefined : `« ${c.op} » ne prend pas de valeur.`;
  if (c.op === 'in')
    return Array.isArray(c.value) && c.value.length > 0
      ? undefined
      : '« in » attend une liste de valeurs.';
  if (c.op === 'gt' || c.op === 'gte' || c.op === 'lt' || c.op === 'lte') {
    return typeof c.value === 'number' ? undefined : `« ${c.op} » attend un nombre.`;
  }
  return c.value === undefined || Array.isArray(c.value)
    ? `« ${c.op} » attend une valeur simple.`
    : undefined;
}

/** An answer counts as given unless absent, null, an empty string or an empty list. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Evaluates `condition` with `read(fieldId)` giving the answer of a visible field (undefined if hidden). */
export function evaluateCondition(
  condition: Condition,
  read: (fieldId: string) => unknown,
): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, read));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, read));
  if ('not' in condition) return !evaluateCondition(condition.not, read);
  const answer = read(condition.field);
  const { value } = condition;
  switch (condition.op) {
    case 'answered':
      return isAnswered(answer);
    case 'notAnswered':
      return !isAnswered(answer);
    case 'equals':
      return answer === value;
    case 'notEquals':
      return answer !== value;
    case 'in':
      return Array.isArray(value) && value.some((v) => v === answer);
    case 'includes':
      return Array.isArray(answer) && answer.includes(value);
    case 'gt':
      return typeof answer === 'number' && typeof value === 'number' && answer > value;
    case 'gte':
      return typeof answer === 'number' && typeof value === 'number' && answer >= value;
    case 'lt':
      return typeof answer === 'number' && typeof value === 'number' && answer < value;
    case 'lte':
      return typeof answer === 'number' && typeof value === 'number' && answer <= value;
  }
}
