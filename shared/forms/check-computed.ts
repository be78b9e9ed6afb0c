import type { FieldIssue } from '../field-issues';
import { computedFunction, computedFunctions } from './computed-functions';
import type { ComputedField, FieldDefinition } from './definition-schema';

/**
 * A computed field must name a function of the code, feed each of its arguments from a field
 * of its scope, give valid params, and read other computed fields only when they come before
 * it (so values are computed in one pass and never depend on each other in a loop).
 */
export function checkComputed(
  field: ComputedField,
  path: string,
  scope: ReadonlyMap<string, { order: number; field: FieldDefinition }>,
): FieldIssue[] {
  const fn = computedFunction(field.function);
  if (!fn) {
    const known = Object.keys(computedFunctions).join(', ');
    return [
      {
        path: `${path}.function`,
        message: `Fonction de calcul inconnue : « ${field.function} » (connues : ${known}).`,
      },
    ];
  }
  const errors: FieldIssue[] = [];
  for (const [name, spec] of Object.entries(fn.args)) {
    const given = field.args[name];
    if (given === undefined)
      errors.push({
        path: `${path}.args`,
        message: `Argument « ${name} » manquant pour ${field.function}.`,
      });
    else if (Array.isArray(given) !== Boolean(spec.list)) {
      errors.push({
        path: `${path}.args.${name}`,
        message: spec.list
          ? `« ${name} » attend une liste de champs.`
          : `« ${name} » attend un seul champ.`,
      });
    }
  }
  for (const name of Object.keys(field.args)) {
    if (!(name in fn.args))
      errors.push({
        path: `${path}.args.${name}`,
        message: `Argument inconnu de ${field.function} : « ${name} ».`,
      });
  }
  const self = scope.get(field.id);
  for (const [name, ref] of Object.entries(field.args)) {
    for (const id of Array.isArray(ref) ? ref : [ref]) {
      const target = scope.get(id);
      if (!target)
        errors.push({ path: `${path}.args.${name}`, message: `Champ inconnu : « ${id} ».` });
      else if (
        target.field.type === 'computed' &&
        (self === undefined || target.order >= self.order)
      ) {
        errors.push({
          path: `${path}.args.${name}`,
          message: `Le champ calculé « ${id} » doit être placé avant « ${field.id} ».`,
        });
      }
    }
  }
  const params = fn.params.safeParse(field.params ?? {});
  if (!params.success) {
    for (const issue of params.error.issues)
      errors.push({
        path: `${path}.params`,
        message: `Paramètre invalide pour ${field.function} : ${issue.message}`,
      });
  } else if (errors.length === 0) {
    const problem = fn.check?.(field.args, params.data as Record<string, unknown>);
    if (problem) errors.push({ path: `${path}.args`, message: problem });
  }
  return errors;
}
