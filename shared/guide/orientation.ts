import { z } from 'zod';
import { instantSchema, receiptSchema, siteIdSchema, uuidSchema } from '../schemas/common';

/**
 * An orientation: an agent directs a person, during a visit, to a service of the guide. It is
 * a small synced record scoped to the agent's site; the referrals work (issue 8) extends it
 * with a status history. It holds no personal data itself: the person is reached through the
 * visit, which is already scoped to the same site.
 */
export const orientationDataSchema = z.object({
  id: uuidSchema,
  siteId: siteIdSchema,
  serviceId: z.string().min(1).max(200),
  /** The service's name when the agent chose it, so the record reads well if the guide changes. */
  serviceName: z.string().min(1).max(150),
  visitId: uuidSchema.optional(),
  note: z.string().max(2000).optional(),
  createdAt: instantSchema,
});
export type OrientationData = z.infer<typeof orientationDataSchema>;

export const orientationRecordSchema = orientationDataSchema.extend({
  authorId: uuidSchema,
  version: z.number().int().positive(),
  updatedAt: instantSchema,
  receipt: receiptSchema,
});
export type OrientationRecord = z.infer<typeof orientationRecordSchema>;
