import type { FieldIssue } from '../field-issues';
import type { FieldDefinition } from './definition-schema';

/** Rules within one field that its structure cannot express: options, bounds, counts. */
export function checkFieldRules(field: FieldDefinition, path: string): FieldIssue[] {
  const errors: FieldIssue[] = [];
  const bounds = (
    min: number | string | undefined,
    max: number | string | undefined,
    what: string,
  ) => {
    if (min !== undefined && max !== undefined && min > max)
      errors.push({ path, message: `${what} : le minimum (${min}) dépasse le maximum (${max}).` });
  };
  switch (field.type) {
    case 'singleChoice':
    case 'multipleChoice': {
      if (field.options.length === 0)
        errors.push({
          path: `${path}.options`,
          message: `Le choix « ${field.id} » n’a aucune option.`,
        });
      const values = field.options.map((o) => o.value);
      const twice = values.filter((v, i) => values.indexOf(v) !== i);
      for (const value of new Set(twice))
        errors.push({
          path: `${path}.options`,
          message: `Option « ${value} » en double dans « ${field.id} ».`,
        });
      if (field.type === 'multipleChoice') {
        bounds(field.minSelected, field.maxSelected, `Nombre de choix de « ${field.id} »`);
        if ((field.minSelected ?? 0) > field.options.length)
          errors.push({
            path,
            message: `« ${field.id} » demande plus de choix qu’il n’a d’options.`,
          });
      }
      break;
    }
    case 'number':
      bounds(field.min, field.max, `Bornes de « ${field.id} »`);
      break;
    case 'date':
      bounds(field.min, field.max, `Dates de « ${field.id} »`);
      break;
    case 'scale':
      if (field.min >= field.max)
        errors.push({
          path,
          message: `Échelle « ${field.id} » : le minimum doit être inférieur au maximum.`,
        });
      break;
    case 'repeat':
      bounds(field.minItems, field.maxItems, `Nombre d’éléments de « ${field.id} »`);
      if (field.fields.some((child) => child.type === 'repeat'))
        errors.push({
          path: `${path}.fields`,
          message: `Un groupe répété ne peut pas en contenir un autre (« ${field.id} »).`,
        });
      break;
    case 'section':
      if (field.fields.length === 0)
        errors.push({ path: `${path}.fields`, message: `La section « ${field.id} » est vide.` });
      break;
    default:
      break;
  }
  return errors;
}
