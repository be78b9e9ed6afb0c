import { z } from 'zod';
import { instantSchema, receiptSchema, uuidSchema } from '../../shared/schemas/common';
import { visitDataSchema } from '../../shared/schemas/visit';
import { reasonSchema } from '../../shared/sync/protocol-v1';

/**
 * Shapes of the rows this device stores. Every read goes through these schemas, because a row
 * may have been written by an older version of the app.
 */

/** Where a local record stands with the server. */
export const syncStateSchema = z.enum(['pending', 'synced', 'rejected', 'conflict']);
export type SyncState = z.infer<typeof syncStateSchema>;

export const localVisitSchema = visitDataSchema.extend({
  authorId: uuidSchema.optional(),
  version: z.number().int().positive().optional(),
  updatedAt: instantSchema.optional(),
  receipt: receiptSchema.optional(),
  syncState: syncStateSchema,
  reason: reasonSchema.optional(),
  /** Index key for listing: see `visitDateOf` in AppDB.ts. */
  visitDate: z.string(),
});
export type LocalVisit = z.infer<typeof localVisitSchema>;

/** A form being typed. Never sent; it becomes a visit when the agent taps "Enregistrer". */
export const draftRowSchema = z.object({
  id: uuidSchema,
  formId: z.string(),
  formVersion: z.number().int().positive(),
  answers: z.record(z.string(), z.unknown()),
  /** A correction of a signed visit: its id, carried to the new visit (issue 5). */
  supersedes: uuidSchema.optional(),
  /** The person's file the visit is about, when started from it (issue 8). */
  personId: uuidSchema.optional(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type DraftRow = z.infer<typeof draftRowSchema>;

/**
 * A change waiting for the server. It is deleted only in the transaction that stores the
 * server's receipt; rejected and conflicting ones stay until an agent acts on them.
 */
export const outboxRowSchema = z.object({
  id: uuidSchema,
  seq: z.number().int().nonnegative(),
  entity: z.string(),
  op: z.enum(['put', 'delete']),
  entityId: uuidSchema,
  data: z.unknown(),
  baseVersion: z.number().int().positive().optional(),
  at: instantSchema,
  status: z.enum(['pending', 'rejected', 'conflict']),
  attempts: z.number().int().nonnegative(),
  reason: reasonSchema.optional(),
});
export type OutboxRow = z.infer<typeof outboxRowSchema>;

export const metaRowSchema = z.object({ key: z.string(), value: z.unknown() });
export type MetaRow = z.infer<typeof metaRowSchema>;
