import { z } from 'zod';
import { agentProfileSchema } from '../../shared/persons/directory';
import { followerSchema, personFieldStatesSchema } from '../../shared/persons/person';
import {
  referralDataSchema,
  referralEventSchema,
  referralStatusChangeSchema,
} from '../../shared/persons/referral';
import { referralStatusSchema } from '../../shared/persons/referral-status';
import { taskDataSchema } from '../../shared/persons/task';
import {
  instantSchema,
  receiptSchema,
  siteIdSchema,
  uuidSchema,
} from '../../shared/schemas/common';
import { reasonSchema } from '../../shared/sync/protocol-v1';
import { syncStateSchema } from './rows';

/**
 * Rows of the person tables (issue 8). Server fields are optional: a file created offline has
 * no version nor receipt until the server answers.
 */
export const localPersonSchema = z.object({
  id: uuidSchema,
  siteId: siteIdSchema,
  fields: personFieldStatesSchema,
  followers: z.array(followerSchema),
  pinnedBy: z.array(uuidSchema),
  createdBy: uuidSchema.optional(),
  createdAt: instantSchema.optional(),
  version: z.number().int().positive().optional(),
  updatedAt: instantSchema.optional(),
  receipt: receiptSchema.optional(),
  syncState: syncStateSchema,
  reason: reasonSchema.optional(),
  /** Left the agent's scope: removed from the tablet once its unsent records are pushed. */
  leaving: z.boolean().optional(),
});
export type LocalPerson = z.infer<typeof localPersonSchema>;

export const localReferralSchema = referralDataSchema.extend({
  fromAgentId: uuidSchema,
  status: referralStatusSchema,
  events: z.array(referralEventSchema),
  /** A status change made here, waiting for the server. */
  pendingChange: referralStatusChangeSchema.optional(),
  version: z.number().int().positive().optional(),
  updatedAt: instantSchema.optional(),
  receipt: receiptSchema.optional(),
  syncState: syncStateSchema,
  /** Why the server refused the last change (`reason` is the referral's own motive). */
  syncReason: reasonSchema.optional(),
});
export type LocalReferral = z.infer<typeof localReferralSchema>;

export const localTaskSchema = taskDataSchema.extend({
  createdBy: uuidSchema.optional(),
  version: z.number().int().positive().optional(),
  updatedAt: instantSchema.optional(),
  /**
   * The server's receipt for the last change of the task this tablet sent (creation, edit,
   * done). The server does not keep it with the task, so a pulled task keeps the one held here.
   */
  receipt: receiptSchema.optional(),
  syncState: syncStateSchema,
  reason: reasonSchema.optional(),
});
export type LocalTask = z.infer<typeof localTaskSchema>;

export const localAgentProfileSchema = agentProfileSchema;
export type LocalAgentProfile = z.infer<typeof localAgentProfileSchema>;

/** Parses rows, skipping those an older app wrote in another shape. */
export function parseRows<T>(schema: z.ZodType<T>, rows: readonly unknown[]): T[] {
  return rows.flatMap((row) => {
    const parsed = schema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}
