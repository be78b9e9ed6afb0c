import { z } from 'zod';
import { personFieldStatesSchema } from '../persons/person';
import { personFieldSchemas } from '../persons/person-fields';
import { instantSchema, uuidSchema } from '../schemas/common';

/** RGPD routes (/api/v1/rgpd): export format, retention policies and the purge report. */
export const exportQuerySchema = z.strictObject({
  format: z.enum(['json', 'html']).default('json'),
});

export const retentionPolicySchema = z.object({
  entity: z.string(),
  retentionDays: z.number().int().positive(),
  label: z.string(),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;
export const retentionPolicyListSchema = z.object({ policies: z.array(retentionPolicySchema) });

/** Up to 100 years: a longer period is a typing mistake. */
export const updateRetentionSchema = z.strictObject({
  retentionDays: z.number().int().min(1).max(36_500),
});

export const purgeReportSchema = z.object({
  purgedAt: instantSchema,
  entities: z.array(retentionPolicySchema.extend({ purged: z.number().int().min(0) })),
});
export type PurgeReport = z.infer<typeof purgeReportSchema>;

/** Rectification of a person's file: the fields to correct, with their right values. */
export const rectifyPersonSchema = z
  .strictObject(personFieldSchemas)
  .partial()
  .refine((fields) => Object.keys(fields).length > 0, {
    error: 'Indiquez au moins un champ à rectifier.',
  });
export type RectifyPerson = z.infer<typeof rectifyPersonSchema>;

/** The rectified file's fields as the server now holds them. */
export const rectifyAnswerSchema = z.object({ id: uuidSchema, fields: personFieldStatesSchema });
