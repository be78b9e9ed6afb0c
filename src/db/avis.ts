import type { z } from 'zod';
import { type AvisData, avisDataSchema } from '../../shared/avis/avis';
import { ENTITY } from '../../shared/entities';
import { reasonSchema } from '../../shared/sync/protocol-v1';
import type { AppDB } from './AppDB';
import { appendMutation } from './outbox';
import { syncStateSchema } from './rows';

/** A "Mon avis" answer on the tablet until the server holds it (src/db/avis-store.ts). */
export const localAvisSchema = avisDataSchema.extend({
  syncState: syncStateSchema,
  reason: reasonSchema.optional(),
});
export type LocalAvis = z.infer<typeof localAvisSchema>;

/** The month of `date` on the tablet, `YYYY-MM`: the only time an answer keeps. */
export function avisMonth(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * Records a person's answers in ONE transaction with their outbox mutation, so a crash keeps
 * both or neither; the sync engine sends it later, offline or not. The id is a random UUID v4
 * and nothing names the person, the visit or the agent (shared/avis/avis.ts). A refusal (a site
 * the agent lost) keeps the answer and shows it under "À corriger", like any record.
 */
export async function queueAvis(db: AppDB, avis: AvisData, now: Date = new Date()): Promise<void> {
  const data = avisDataSchema.parse(avis);
  await db.transaction('rw', [db.avis, db.outbox, db.meta], async () => {
    await db.avis.put({ ...data, syncState: 'pending' });
    await appendMutation(db, { entity: ENTITY.avis, op: 'put', entityId: data.id, data }, now);
  });
}
