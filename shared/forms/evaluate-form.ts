import { type Condition, evaluateCondition, isAnswered } from './condition';
import { computedFunction } from './computed-functions';
import type {
  ComputedField,
  FieldDefinition,
  FormDefinition,
  RepeatField,
} from './definition-schema';
import { consentAnswerSchema, fieldValueSchema, REQUIRED_MESSAGE } from './field-value-schema';
import { CONSENT_KEY, formScopeEntries, type ScopeEntry, scopeEntries } from './form-walk';

/**
 * Runs a definition over raw answers: which fields are visible, what the computed fields are
 * worth, which answers are kept (visible and answered, cleaned) and what is wrong, with paths.
 * Pure and deterministic: the tablet and the server get the same result from the same input.
 */
export type AnswerPath = (string | number)[];
export interface AnswerIssue {
  path: AnswerPath;
  message: string;
}
export interface FormEvaluation {
  /** What is kept: visible answered fields, cleaned, with computed values filled in. */
  answers: Record<string, unknown>;
  issues: AnswerIssue[];
  /** Path keys (`poids`, `enfants.0.prenom`) of the visible fields and sections. */
  visible: Set<string>;
  /** Every computed value with its path (undefined while its inputs are incomplete). */
  computed: Array<{ path: AnswerPath; value: unknown }>;
}

type Raw = Record<string, unknown>;
const asRecord = (value: unknown): Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};

export function evaluateForm(definition: FormDefinition, raw: Readonly<Raw>): FormEvaluation {
  const out: FormEvaluation = { answers: {}, issues: [], visible: new Set(), computed: [] };
  const scope = evaluateScope(formScopeEntries(definition), raw, [], () => undefined, out);
  for (const section of definition.sections) {
    if (!section.visibleIf || scope.holds(section.visibleIf)) out.visible.add(section.id);
  }
  scope.collect(out.answers);
  if (definition.consent) checkConsent(definition.consent.required, raw[CONSENT_KEY], out);
  return out;
}

function checkConsent(required: boolean, value: unknown, out: FormEvaluation) {
  if (value === undefined || value === null) {
    if (required)
      out.issues.push({
        path: [CONSENT_KEY, 'statut'],
        message: 'Indiquez si le consentement a été donné, refusé ou non demandé.',
      });
    return;
  }
  const parsed = consentAnswerSchema.safeParse(value);
  if (parsed.success) out.answers[CONSENT_KEY] = parsed.data;
  else
    for (const issue of parsed.error.issues)
      out.issues.push({ path: [CONSENT_KEY, ...issue.path.map(String)], message: issue.message });
}

/**
 * One scope: the form, or one repeat item. `outer` reads the enclosing scope, so a field in
 * a repeat item may depend on its siblings and on the form.
 */
function evaluateScope(
  entries: ScopeEntry[],
  raw: Readonly<Raw>,
  prefix: AnswerPath,
  outer: (id: string) => unknown,
  out: FormEvaluation,
) {
  const byId = new Map(entries.map((entry) => [entry.field.id, entry]));
  const visibility = new Map<string, boolean>();
  const computed = new Map<string, unknown>();

  const read = (id: string): unknown => {
    const entry = byId.get(id);
    if (!entry) return outer(id);
    if (!isVisible(entry)) return undefined;
    return entry.field.type === 'computed' ? computeValue(entry.field) : raw[id];
  };
  const holds = (condition: Condition) => evaluateCondition(condition, read);

  function isVisible(entry: ScopeEntry): boolean {
    const known = visibility.get(entry.field.id);
    if (known !== undefined) return known;
    visibility.set(entry.field.id, false); // a cycle (refused by validation) reads as hidden
    const visible =
      entry.containers.every(holds) && (!entry.field.visibleIf || holds(entry.field.visibleIf));
    visibility.set(entry.field.id, visible);
    return visible;
  }

  function computeValue(field: ComputedField): unknown {
    if (computed.has(field.id)) return computed.get(field.id);
    computed.set(field.id, undefined);
    const fn = computedFunction(field.function);
    const args = Object.fromEntries(
      Object.entries(field.args).map(([name, ref]) => [
        name,
        Array.isArray(ref) ? ref.map(read) : read(ref),
      ]),
    );
    let value: unknown;
    try {
      value = fn?.compute(args, field.params ?? {});
    } catch {
      value = undefined; // inputs out of the function's domain: no value, never a guess
    }
    computed.set(field.id, value);
    return value;
  }

  function collect(answers: Raw) {
    for (const entry of entries) {
      if (!isVisible(entry)) continue;
      const { field } = entry;
      const path = [...prefix, field.id];
      out.visible.add(path.join('.'));
      if (field.type === 'computed') {
        const value = computeValue(field);
        out.computed.push({ path, value });
        if (value !== undefined) answers[field.id] = value;
      } else if (field.type === 'repeat') {
        collectRepeat(field, raw[field.id], path, answers);
      } else {
        collectValue(field, raw[field.id], path, answers);
      }
    }
  }

  function collectRepeat(field: RepeatField, value: unknown, path: AnswerPath, answers: Raw) {
    const items = Array.isArray(value) ? value : [];
    if (value !== undefined && value !== null && !Array.isArray(value))
      out.issues.push({ path, message: 'Liste attendue.' });
    const min = field.minItems ?? (field.required ? 1 : 0);
    if (items.length < min)
      out.issues.push({
        path,
        message: min === 1 ? REQUIRED_MESSAGE : `Ajoutez au moins ${min} éléments.`,
      });
    if (field.maxItems !== undefined && items.length > field.maxItems)
      out.issues.push({ path, message: `${field.maxItems} éléments au plus.` });
    if (items.length === 0) return;
    answers[field.id] = items.map((item, index) => {
      const cleaned: Raw = {};
      evaluateScope(
        scopeEntries(field.fields),
        asRecord(item),
        [...path, index],
        read,
        out,
      ).collect(cleaned);
      return cleaned;
    });
  }

  function collectValue(field: FieldDefinition, value: unknown, path: AnswerPath, answers: Raw) {
    const schema = fieldValueSchema(field);
    if (!schema) return;
    if (!isAnswered(value)) {
      if ('required' in field && field.required)
        out.issues.push({ path, message: REQUIRED_MESSAGE });
      return;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) answers[field.id] = parsed.data;
    else out.issues.push({ path, message: parsed.error.issues[0]?.message ?? 'Réponse invalide.' });
  }

  return { holds, collect };
}
