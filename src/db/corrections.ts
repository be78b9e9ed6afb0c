import { ENTITY } from '../../shared/entities';
import type { AppDB } from './AppDB';
import { draftRowSchema, outboxRowSchema, type DraftRow } from './rows';
import { visitDataSchema } from '../../shared/schemas/visit';
import { hasReceipt } from './visit-receipts';

/**
 * What an agent can do with a record the server refused ("À corriger"): reopen it as a draft to
 * fix and resend, or discard it after confirming. Until one of these happens it stays on the
 * tablet, visible, and never blocks the rest of the queue.
 */

/**
 * Opens a refused visit as a draft with the same id. The refused outbox row stays until the
 * corrected visit is saved (`queueVisit` then supersedes it in its own transaction), so
 * abandoning the draft leaves the record under "À corriger" as before.
 */
export async function reopenAsDraft(
  db: AppDB,
  outboxId: string,
  now: Date = new Date(),
): Promise<DraftRow> {
  return db.transaction('rw', [db.outbox, db.drafts], async () => {
    const row = outboxRowSchema.parse(await db.outbox.get(outboxId));
    if (row.entity !== ENTITY.visit || row.op !== 'put')
      throw new Error(`Correction impossible pour ${row.entity}`);
    const visit = visitDataSchema.parse(row.data);
    const existing = await db.drafts.get(visit.id);
    if (existing) return draftRowSchema.parse(existing);
    const draft: DraftRow = {
      id: visit.id,
      formId: visit.formId,
      formVersion: visit.formVersion,
      answers: visit.answers,
      ...(visit.supersedes ? { supersedes: visit.supersedes } : {}),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await db.drafts.put(draft);
    return draft;
  });
}

/**
 * Deletes a refused mutation at the agent's explicit request, and the local record it created
 * when the server never acknowledged that record.
 */
export async function discardRefused(db: AppDB, outboxId: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.visits, db.visitReceipts, db.drafts], async () => {
    const row = outboxRowSchema.parse(await db.outbox.get(outboxId));
    if (row.status === 'pending')
      throw new Error('Un enregistrement en attente d’envoi ne peut pas être supprimé.');
    await db.outbox.delete(row.id);
    const others = await db.outbox.where('entityId').equals(row.entityId).count();
    const local = row.entity === ENTITY.visit ? await db.visits.get(row.entityId) : undefined;
    if (others === 0 && local !== undefined && !(await hasReceipt(db, local))) {
      await db.visits.delete(row.entityId);
      await db.drafts.delete(row.entityId);
    }
  });
}

/** Removes refused mutations of `entityId` that a new mutation supersedes; inside a transaction. */
export async function supersedeRefused(db: AppDB, entityId: string): Promise<void> {
  const rows = await db.outbox.where('entityId').equals(entityId).toArray();
  await db.outbox.bulkDelete(rows.filter((row) => row.status !== 'pending').map((row) => row.id));
}
