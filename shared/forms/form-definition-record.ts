import { z } from 'zod';
import { instantSchema } from '../schemas/common';
import { type FormDefinition, formDefinitionSchema } from './definition-schema';

/**
 * A published form definition as devices pull it (entity `formDefinition`, visible to every
 * agent). Its id is `formId@version`: a version, once published, never changes.
 */
export const formDefinitionRecordSchema = z.object({
  id: z.string(),
  formId: z.string(),
  version: z.number().int().positive(),
  definition: formDefinitionSchema,
  publishedAt: instantSchema,
});
export type FormDefinitionRecord = z.infer<typeof formDefinitionRecordSchema>;

export function formDefinitionId(definition: Pick<FormDefinition, 'formId' | 'version'>): string {
  return `${definition.formId}@${definition.version}`;
}

/** What an administrator's upload answers: the version published. */
export const publishFormResponseSchema = z.object({
  formId: z.string(),
  version: z.number().int().positive(),
});
export type PublishFormResponse = z.infer<typeof publishFormResponseSchema>;
