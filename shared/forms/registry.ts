import type { z } from 'zod';
import { visiteDomicileAnswersSchema } from './visite-domicile';
import { VISITE_DOMICILE } from './visite-domicile-id';

/**
 * Answer schemas by form id and version. The server validates every visit against the exact
 * version it was filled with, so an old record still syncs after a form changes.
 */
const answerSchemas = new Map<string, z.ZodType>([
  [`${VISITE_DOMICILE.formId}@${VISITE_DOMICILE.version}`, visiteDomicileAnswersSchema],
]);

export function answersSchemaFor(formId: string, version: number): z.ZodType | undefined {
  return answerSchemas.get(`${formId}@${version}`);
}
