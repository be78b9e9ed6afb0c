import { z } from 'zod';
import { instantSchema, uuidSchema } from '../schemas/common';

/**
 * The agent's own scope on persons. `follow` (caseload, "Mes personnes suivies") and `pin`
 * (kept on the tablet for a tour) are sent as `put` (start) or `delete` (stop) with the
 * person's id as `entityId`; the agent is the one pushing. A person leaving the agent's
 * scope is pulled as a `delete` of the person, applied once the device's unsent records for
 * that person are pushed.
 */
export const scopeChangeSchema = z.object({ personId: uuidSchema, at: instantSchema });
export type ScopeChange = z.infer<typeof scopeChangeSchema>;

/** The pins an agent holds, pulled as one record per person (`entityId` = person id). */
export const pinRecordSchema = z.object({
  personId: uuidSchema,
  agentId: uuidSchema,
  since: instantSchema,
});
export type PinRecord = z.infer<typeof pinRecordSchema>;
