import Dexie, { type DBCoreRangeType } from 'dexie';
import type { AppDB } from './AppDB';
import { readMeta, writeMeta } from './meta';
import { readFloor, seqSchema } from './outbox';

/**
 * Deleting outbox rows: the delivered ones a push leaves below the queue's floor (db/outbox.ts
 * `passFloor`), after the push, and runs of rows as key ranges.
 */

/**
 * The `seq` up to which delivered rows were deleted: the next purge reads the index from there,
 * not over the entries Chromium leaves behind for a while.
 */
const OUTBOX_PURGED_KEY = 'outbox-purged';
/** Delivered rows (seqs) deleted per transaction after a push, and the pause before each. */
const PURGE_CHUNK = 500;
const PURGE_PAUSE_MS = 10;
/** `DBCoreRangeType.Range`, a `const enum` of Dexie's types, which isolated modules cannot read. */
const RANGE = 2 as DBCoreRangeType;

/**
 * The pause between two chunks of the purge. None in a hidden page: no screen reads there, and
 * its timers wait a second or more, which would hold the sync (and its lock) for as long.
 */
function pause(): Promise<void> {
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden')
    return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, PURGE_PAUSE_MS));
}

async function readPurged(db: AppDB): Promise<number> {
  return (await readMeta(db, OUTBOX_PURGED_KEY, seqSchema)) ?? 0;
}

/**
 * Deletes the outbox rows whose ids are in [first, last], in one request; inside a write
 * transaction on the outbox. Dexie's `Collection.delete()` counts the range first, to say how
 * many rows went: one more pass over the rows (10 ms per batch of 500 in Chromium).
 */
async function deleteOutboxRange(db: AppDB, first: string, last: string): Promise<void> {
  const transaction = Dexie.currentTransaction;
  if (transaction?.mode !== 'readwrite')
    throw new Error('deleteOutboxRange needs a write transaction');
  const { numFailures, failures } = await db.outbox.core.mutate({
    trans: transaction.idbtrans,
    type: 'deleteRange',
    range: { type: RANGE, lower: first, upper: last, lowerOpen: false, upperOpen: false },
  });
  if (numFailures > 0) throw Object.values(failures)[0];
}

/**
 * Deletes the rows of `doomed`, in runs: `keys` are the outbox keys around them, in order, and
 * each run of doomed ones goes in one request (IndexedDB deletes a range for about the price of
 * one row), so a batch delivered in full is one request, not 500. Inside a write transaction on
 * the outbox.
 */
export async function deleteInRuns(
  db: AppDB,
  keys: readonly string[],
  doomed: ReadonlySet<string>,
): Promise<void> {
  const runs: Array<[string, string]> = [];
  let start: string | undefined;
  keys.forEach((key, i) => {
    if (!doomed.has(key)) return;
    start ??= key;
    if (!doomed.has(keys[i + 1] ?? '')) {
      runs.push([start, key]);
      start = undefined;
    }
  });
  await Promise.all(runs.map(([first, last]) => deleteOutboxRange(db, first, last)));
}

/**
 * Deletes the delivered rows, oldest first, of at most `span` seqs (all when absent); inside a
 * write transaction on `db.outbox` and `db.meta`. Says how many went, and whether some may be
 * left.
 */
async function deleteDelivered(
  db: AppDB,
  span?: number,
): Promise<{ deleted: number; more: boolean }> {
  const floor = await readFloor(db);
  const purged = await readPurged(db);
  if (floor <= purged) return { deleted: 0, more: false };
  const through = span === undefined ? floor : Math.min(floor, purged + span);
  const ids = await db.outbox
    .where('[status+seq]')
    .between(['pending', purged], ['pending', through], false, true)
    .primaryKeys();
  if (ids.length > 0) {
    const sorted = [...ids].sort();
    const around = await db.outbox
      .where(':id')
      .between(sorted[0], sorted.at(-1), true, true)
      .primaryKeys();
    await deleteInRuns(db, around, new Set(ids));
  }
  await writeMeta(db, OUTBOX_PURGED_KEY, through);
  return { deleted: ids.length, more: through < floor };
}

/**
 * Deletes the rows a push delivered and left below the floor (`passFloor`): at the end of every
 * push. A few hundred per transaction, each after a pause, so that a save made meanwhile waits
 * for one of them only, and the screens' live queries, run again after every write (the sync
 * bar's "Rien en attente" after the push's last answer), read between two of them.
 */
export async function purgeDelivered(db: AppDB): Promise<void> {
  let more = await db.transaction(
    'r',
    db.meta,
    async () => (await readPurged(db)) < (await readFloor(db)),
  );
  let deleted = 1; // the first chunk waits too: the push's last answers were just stored
  while (more) {
    // No pause after seqs that held nothing to delete (refused rows, or rows an earlier
    // version deleted as it went: a database from before this purge starts from 0).
    if (deleted > 0) await pause();
    ({ deleted, more } = await db.transaction('rw', [db.outbox, db.meta], async () =>
      deleteDelivered(db, PURGE_CHUNK),
    ));
  }
}

/**
 * The same, at once, inside the caller's write transaction (on `db.outbox` and `db.meta`):
 * before a pulled page is applied, a logout, a wipe. Nothing to do costs two reads of `meta`.
 */
export async function purgeDeliveredNow(db: AppDB): Promise<void> {
  await deleteDelivered(db);
}
