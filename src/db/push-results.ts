import type { MutationResult } from '../../shared/sync/protocol-v1';
import type { AppDB } from './AppDB';
import { allEntityTables, entityStore } from './entity-stores';
import { outboxRowSchema } from './rows';

/**
 * Records the server's answers to one pushed batch, in ONE transaction. An accepted (or
 * duplicate) mutation leaves the outbox only here, together with storing its receipt, so a
 * crash between the answer and this write simply resends it, and the server answers
 * `duplicate` with the same receipt. Rejected and conflicting ones stay, visible, and no
 * longer block the queue.
 */
export async function applyPushResults(
  db: AppDB,
  results: readonly MutationResult[],
): Promise<void> {
  await db.transaction('rw', [db.outbox, ...allEntityTables(db)], async () => {
    const rows = await db.outbox.bulkGet(results.map((result) => result.id));
    const delivered: string[] = [];
    for (const [index, result] of results.entries()) {
      const raw = rows[index];
      if (raw === undefined) continue; // already handled by another tab or an earlier answer
      const row = outboxRowSchema.parse(raw);
      const store = entityStore(row.entity);
      switch (result.status) {
        case 'accepted':
        case 'duplicate':
          await store?.markSynced(db, row.entityId, result.version, result.receipt);
          delivered.push(row.id);
          break;
        case 'rejected':
        case 'conflict':
          await store?.markRefused(db, row.entityId, result.status, result.reason);
          await db.outbox.update(row.id, { status: result.status, reason: result.reason });
          break;
      }
    }
    await db.outbox.bulkDelete(delivered);
  });
}
