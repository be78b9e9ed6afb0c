import { z } from 'zod';
import { instantSchema, receiptSchema, siteIdSchema, uuidSchema } from './common';

/**
 * A visit is a filled form. The device sends `VisitData` in a `put` mutation; the server adds
 * the author, its version and the receipt, and sends `VisitRecord` back in pulls. Answers are
 * checked against the form's own version (shared/forms/registry.ts), not here.
 */
export const visitStatusSchema = z.enum(['signed']);

export const visitDataSchema = z.object({
  id: uuidSchema,
  siteId: siteIdSchema,
  formId: z.string().min(1).max(100),
  formVersion: z.number().int().positive(),
  answers: z.record(z.string(), z.unknown()),
  status: visitStatusSchema,
  /** A correction: the id of the signed visit it replaces (both stay in the history). */
  supersedes: uuidSchema.optional(),
  /** The person's file (issue 8); visits saved before person files existed have none. */
  personId: uuidSchema.optional(),
  /** Device clock when the agent saved it: shown, never used to order or receipt. */
  createdAt: instantSchema,
});
export type VisitData = z.infer<typeof visitDataSchema>;

export const visitRecordSchema = visitDataSchema.extend({
  authorId: uuidSchema,
  version: z.number().int().positive(),
  updatedAt: instantSchema,
  receipt: receiptSchema,
});
export type VisitRecord = z.infer<typeof visitRecordSchema>;
