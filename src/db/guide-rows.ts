import { z } from 'zod';
import { orientationDataSchema } from '../../shared/guide/orientation';
import { instantSchema, receiptSchema, uuidSchema } from '../../shared/schemas/common';
import { reasonSchema } from '../../shared/sync/protocol-v1';
import { syncStateSchema } from './rows';

/**
 * Rows of the service guide tables. Structures and services are stored as pulled
 * (`structureRecordSchema`, `serviceRecordSchema`); orientations are the agent's own records.
 */
export const localOrientationSchema = orientationDataSchema.extend({
  authorId: uuidSchema.optional(),
  version: z.number().int().positive().optional(),
  updatedAt: instantSchema.optional(),
  receipt: receiptSchema.optional(),
  syncState: syncStateSchema,
  reason: reasonSchema.optional(),
});
export type LocalOrientation = z.infer<typeof localOrientationSchema>;
