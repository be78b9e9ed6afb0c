import { z } from 'zod';
import { instantSchema } from '../schemas/common';

/** RGPD routes (/api/v1/rgpd): export format, retention policies and the purge report. */
export const exportQuerySchema = z.strictObject({
  format: z.enum(['json', 'html']).default('json'),
});

export const retentionPolicySchema = z.object({
  entity: z.string(),
  retentionDays: z.number().int().positive(),
  label: z.string(),
});
export const retentionPolicyListSchema = z.object({ policies: z.array(retentionPolicySchema) });

/** Up to 100 years: a longer period is a typing mistake. */
export const updateRetentionSchema = z.strictObject({
  retentionDays: z.number().int().min(1).max(36_500),
});

export const purgeReportSchema = z.object({
  purgedAt: instantSchema,
  entities: z.array(retentionPolicySchema.extend({ purged: z.number().int().min(0) })),
});
