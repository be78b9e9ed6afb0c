import type { MutationResult } from '../../shared/sync/protocol-v1';
import type { AppDB } from './AppDB';
import { loadEntityStores, type EntityStore, type SyncedAnswer } from './entity-stores';
import { addToPendingCount, passFloor, raiseFloor, readFloor } from './outbox';
import { deleteInRuns } from './outbox-purge';
import type { OutboxRow } from './rows';

/**
 * Records the server's answers to one pushed batch (`sent`: its outbox rows), in ONE
 * transaction. An accepted (or duplicate) mutation leaves the queue only here, together with
 * storing its receipt, so a crash between the answer and this write simply resends it, and the
 * server answers `duplicate` with the same receipt; its row is deleted here or, when the batch
 * was answered in full, by the purge after the push (`purgeDelivered`). Rejected and
 * conflicting ones stay, visible, and no longer block the queue.
 *
 * `alongside` runs in the same transaction, told how many mutations this answer took out of the
 * queue (delivered or refused; it may write `db.meta`, e.g. the sync progress),
 * so a batch costs the device one write transaction. Writes are issued together rather than
 * one after another (IndexedDB keeps their order within the transaction), in bulk where the
 * entity's store can: a batch of 500 is a handful of requests, not a thousand round trips.
 */
export async function applyPushResults(
  db: AppDB,
  sent: readonly OutboxRow[],
  results: readonly MutationResult[],
  alongside?: (handled: number) => Promise<unknown>,
): Promise<void> {
  const stores = await loadEntityStores();
  await db.transaction('rw', [db.outbox, db.meta, ...stores.tables(db)], async () => {
    const { still, keys } = await pendingKeys(db, sent, await readFloor(db));
    const byId = new Map(sent.map((row) => [row.id, row]));
    const answers: Array<{ row: OutboxRow; result: MutationResult }> = [];
    const perRecord = new Map<string, number>();
    for (const result of results) {
      const row = byId.get(result.id);
      // Already handled by another tab or an earlier answer, or not part of this batch.
      if (row === undefined || !still.has(row.id)) continue;
      still.delete(row.id); // answered twice: the first answer counts
      answers.push({ row, result });
      perRecord.set(row.entityId, (perRecord.get(row.entityId) ?? 0) + 1);
    }
    // The common case, a record answered once and accepted, is written in bulk per entity;
    // a record answered several times has its answers applied one by one, in the batch's order.
    const synced = new Map<EntityStore, SyncedAnswer[]>();
    const oneByOne = new Map<string, Array<() => Promise<unknown>>>();
    for (const { row, result } of answers) {
      const store = stores.store(row.entity);
      const delivered = result.status === 'accepted' || result.status === 'duplicate';
      if (delivered && store?.markSyncedMany && perRecord.get(row.entityId) === 1) {
        const list = synced.get(store) ?? [];
        synced.set(store, list);
        list.push({ entityId: row.entityId, version: result.version, receipt: result.receipt });
        continue;
      }
      const steps = oneByOne.get(row.entityId) ?? [];
      oneByOne.set(row.entityId, steps);
      steps.push(async () => {
        switch (result.status) {
          case 'accepted':
          case 'duplicate':
            await store?.markSynced(db, row.entityId, result.version, result.receipt);
            break;
          case 'rejected':
          case 'conflict':
            await store?.markRefused(db, row.entityId, result.status, result.reason);
            await db.outbox.update(row.id, { status: result.status, reason: result.reason });
            break;
        }
      });
    }
    // Every answered row was pending, and leaves the queue here (delivered or refused).
    await addToPendingCount(db, -answers.length);
    // A batch answered in full: the floor moves past it, and its delivered rows are deleted
    // after the push. Otherwise they are deleted now, and the floor moves up to what is left.
    const settled = settledRun(sent, still);
    const passed = settled !== undefined && (await passFloor(db, settled));
    const delivered = answers
      .filter(({ result }) => result.status === 'accepted' || result.status === 'duplicate')
      .map(({ row }) => row.id);
    const writes: Array<Promise<unknown> | undefined> = [
      ...[...synced].map(([store, list]) => store.markSyncedMany?.(db, list)),
      ...[...oneByOne.values()].map(async (steps) => {
        for (const step of steps) await step();
      }),
      passed ? undefined : deleteInRuns(db, keys, new Set(delivered)),
    ];
    await Promise.all(writes);
    if (!passed) await raiseFloor(db);
    await alongside?.(answers.length);
  });
}

/**
 * The batch's seqs, when they follow one another and every row has left the queue (`still`
 * now holds the rows around the batch that got no answer): the floor can move past them.
 */
function settledRun(
  sent: readonly OutboxRow[],
  still: ReadonlySet<string>,
): { first: number; last: number } | undefined {
  if (sent.length === 0 || sent.some((row) => still.has(row.id))) return undefined;
  const seqs = sent.map((row) => row.seq).sort((a, b) => a - b);
  const first = seqs[0]!;
  return seqs.every((seq, i) => seq === first + i) ? { first, last: seqs.at(-1)! } : undefined;
}

/**
 * Which of the batch's rows are still in the queue: in the outbox, read as keys only in one
 * request (ids are time-ordered, so a batch is one key range, give or take a few other rows),
 * and above the `floor` (a row at or below it was delivered, and waits only to be deleted).
 */
async function pendingKeys(
  db: AppDB,
  rows: readonly OutboxRow[],
  floor: number,
): Promise<{ still: Set<string>; keys: string[] }> {
  if (rows.length === 0) return { still: new Set(), keys: [] };
  const ids = rows.map((row) => row.id).sort();
  const keys = await db.outbox.where(':id').between(ids[0], ids.at(-1), true, true).primaryKeys();
  const present = new Set(keys);
  const still = rows.filter((row) => row.seq > floor && present.has(row.id)).map((row) => row.id);
  return { still: new Set(still), keys };
}
