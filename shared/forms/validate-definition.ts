import type { FieldIssue } from '../field-issues';
import { toFieldIssues } from '../field-issues';
import { type Condition, comparisonValueProblem, conditionComparisons } from './condition';
import {
  type FieldDefinition,
  type FormDefinition,
  formDefinitionSchema,
} from './definition-schema';
import { checkFieldRules } from './field-rules';
import { CONSENT_KEY } from './form-walk';
import { checkComputed } from './check-computed';
import { salvageDefinition } from './salvage-definition';

/**
 * Checks a definition before it is published or used: its structure (zod), then the rules
 * between fields. A broken definition is refused whole with EVERY problem listed, each with
 * its path (`sections.1.fields.3.options`), so an administrator fixes them in one pass.
 */
export type DefinitionCheck =
  { ok: true; definition: FormDefinition } | { ok: false; errors: FieldIssue[] };

export function validateFormDefinition(input: unknown): DefinitionCheck {
  const parsed = formDefinitionSchema.safeParse(input);
  // Even when the structure is broken, the fields that do parse are checked too.
  const definition = parsed.success ? parsed.data : salvageDefinition(input);
  const errors = [
    ...(parsed.success ? [] : toFieldIssues(parsed.error)),
    ...definitionRuleErrors(definition),
  ];
  return errors.length === 0 && parsed.success
    ? { ok: true, definition: parsed.data }
    : { ok: false, errors };
}

/** Where a field sits, and which ids its conditions and computations may read. */
export interface Placed {
  field: FieldDefinition;
  path: string;
  /** Ids readable from this field's scope, with their order in it (for computed-before rules). */
  scope: ReadonlyMap<string, { order: number; field: FieldDefinition }>;
}

export function definitionRuleErrors(definition: Pick<FormDefinition, 'sections'>): FieldIssue[] {
  const errors: FieldIssue[] = [];
  const placed: Placed[] = [];
  const seen = new Set<string>();
  const formScope = new Map<string, { order: number; field: FieldDefinition }>();

  const claim = (id: string, path: string) => {
    if (id === CONSENT_KEY)
      errors.push({
        path: `${path}.id`,
        message: `« ${CONSENT_KEY} » est réservé au bloc de consentement.`,
      });
    if (seen.has(id))
      errors.push({ path: `${path}.id`, message: `Identifiant « ${id} » en double.` });
    seen.add(id);
  };

  function place(
    fields: readonly FieldDefinition[],
    path: string,
    scope: Map<string, { order: number; field: FieldDefinition }>,
  ) {
    fields.forEach((field, index) => {
      const here = `${path}.${index}`;
      claim(field.id, here);
      if (!scope.has(field.id)) scope.set(field.id, { order: scope.size, field });
      placed.push({ field, path: here, scope });
      if (field.type === 'section') place(field.fields, `${here}.fields`, scope);
      if (field.type === 'repeat') {
        const itemScope = new Map(scope);
        place(field.fields, `${here}.fields`, itemScope);
      }
    });
  }

  definition.sections.forEach((section, index) => {
    claim(section.id, `sections.${index}`);
    place(section.fields, `sections.${index}.fields`, formScope);
  });
  definition.sections.forEach((section, index) => {
    if (section.visibleIf)
      errors.push(
        ...conditionErrors(section.visibleIf, `sections.${index}.visibleIf`, formScope, section.id),
      );
  });
  for (const p of placed) {
    if (p.field.visibleIf)
      errors.push(
        ...conditionErrors(p.field.visibleIf, `${p.path}.visibleIf`, p.scope, p.field.id),
      );
    errors.push(...checkFieldRules(p.field, p.path));
    if (p.field.type === 'computed') errors.push(...checkComputed(p.field, p.path, p.scope));
  }
  return errors;
}

function conditionErrors(
  condition: Condition,
  path: string,
  scope: ReadonlyMap<string, unknown>,
  selfId: string,
): FieldIssue[] {
  return conditionComparisons(condition).flatMap((comparison) => {
    const found: FieldIssue[] = [];
    if (comparison.field === selfId)
      found.push({
        path,
        message: `La condition de « ${selfId} » ne peut pas porter sur lui-même.`,
      });
    else if (!scope.has(comparison.field))
      found.push({
        path,
        message: `La condition porte sur un champ inconnu : « ${comparison.field} ».`,
      });
    const problem = comparisonValueProblem(comparison);
    if (problem) found.push({ path, message: problem });
    return found;
  });
}
