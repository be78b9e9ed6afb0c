import Dexie, { type DBCoreRangeType } from 'dexie';
import { z } from 'zod';
import type { Mutation } from '../../shared/sync/protocol-v1';
import { uuidv7 } from '../../shared/uuidv7';
import type { AppDB } from './AppDB';
import { SEALED_PROPERTY } from '../security/sealed-tables';
import { readMeta, writeMeta } from './meta';
import { LockedError } from './sealing-middleware';
import { outboxRowSchema, type OutboxRow } from './rows';

const OUTBOX_SEQ_KEY = 'outbox-seq';
/**
 * Every pending row has a greater `seq` (rows are created pending, with a `seq` above all
 * others, and never become pending again). Reads of the queue start there: Chromium leaves the
 * index entries of delivered rows behind for a while, and a read from the start of the queue
 * steps over each of them (a count after a 10,000-visit push cost 40 ms).
 *
 * A row still marked `pending` at or below the floor was delivered: its answer is stored, and
 * it waits only to be deleted (`passFloor`, `purgeDelivered`).
 */
const OUTBOX_FLOOR_KEY = 'outbox-floor';
/**
 * The `seq` up to which delivered rows were deleted: the next purge reads the index from there,
 * not over the entries Chromium leaves behind for a while.
 */
const OUTBOX_PURGED_KEY = 'outbox-purged';
/** Delivered rows (seqs) deleted per transaction after a push, and the pause before each. */
const PURGE_CHUNK = 500;
const PURGE_PAUSE_MS = 10;
/**
 * How many rows are pending, kept by the writes that add or answer them, in their own
 * transaction: counting the queue reads every row of it (half a second for 10,000 in
 * Chromium, where IndexedDB does one thing at a time), and the sync bar wants the figure after
 * every save. Counted once when absent (a database from before it was kept), and counted again
 * at the end of every push, when what is left to count is little.
 */
const OUTBOX_PENDING_KEY = 'outbox-pending';
const seqSchema = z.number().int();
const countSchema = z.number().int().nonnegative();
/** `DBCoreRangeType.Range`, a `const enum` of Dexie's types, which isolated modules cannot read. */
const RANGE = 2 as DBCoreRangeType;

async function readPurged(db: AppDB): Promise<number> {
  return (await readMeta(db, OUTBOX_PURGED_KEY, seqSchema)) ?? 0;
}

export async function readFloor(db: AppDB): Promise<number> {
  return (await readMeta(db, OUTBOX_FLOOR_KEY, seqSchema)) ?? 0;
}

/**
 * Appends a mutation to the outbox. Must be called inside a transaction that also writes the
 * entity (and includes `db.outbox` and `db.meta`), so a crash leaves both or neither.
 */
export async function appendMutation(
  db: AppDB,
  mutation: Pick<Mutation, 'entity' | 'op' | 'entityId' | 'data' | 'baseVersion'>,
  now: Date = new Date(),
): Promise<OutboxRow> {
  const seq = ((await readMeta(db, OUTBOX_SEQ_KEY, seqSchema)) ?? 0) + 1;
  await writeMeta(db, OUTBOX_SEQ_KEY, seq);
  await addToPendingCount(db, 1);
  const row: OutboxRow = outboxRowSchema.parse({
    ...mutation,
    id: uuidv7(now.getTime()),
    seq,
    at: now.toISOString(),
    status: 'pending',
    attempts: 0,
  });
  await db.outbox.add(row);
  return row;
}

/** The pending rows after `afterSeq`, oldest first. */
function pendingAfter(db: AppDB, afterSeq: number) {
  return db.outbox
    .where('[status+seq]')
    .between(['pending', afterSeq], ['pending', Infinity], false);
}

/** Counts the pending rows, one by one. */
async function countPendingRows(db: AppDB): Promise<number> {
  return pendingAfter(db, await readFloor(db)).count();
}

export async function countPending(db: AppDB): Promise<number> {
  return (await readMeta(db, OUTBOX_PENDING_KEY, countSchema)) ?? countPendingRows(db);
}

/**
 * Moves the kept count of pending rows by `delta`; inside the transaction (with `db.outbox` and
 * `db.meta`) that adds or answers them, before it does.
 */
export async function addToPendingCount(db: AppDB, delta: number): Promise<void> {
  await writeMeta(db, OUTBOX_PENDING_KEY, Math.max(0, (await countPending(db)) + delta));
}

/**
 * Counts the pending rows and keeps the figure: at the end of a push, when few are left, so a
 * count an older app version did not keep (it saved without counting) does not last.
 */
export async function recountPending(db: AppDB): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    await writeMeta(db, OUTBOX_PENDING_KEY, await countPendingRows(db));
  });
}

/** The pending rows saved after `seq`: those a push under way has not taken in yet. */
export function countPendingAfter(db: AppDB, seq: number): Promise<number> {
  return pendingAfter(db, seq).count();
}

/** What waits, and the last `seq` given, read together: where a push starts from. */
export function readQueue(db: AppDB): Promise<{ pending: number; lastSeq: number }> {
  return db.transaction('r', [db.outbox, db.meta], async () => ({
    pending: await countPending(db),
    lastSeq: (await readMeta(db, OUTBOX_SEQ_KEY, seqSchema)) ?? 0,
  }));
}

/**
 * Moves the floor past `settled` when they start right above it, and says whether it did;
 * inside the transaction that stores their answers (with `db.outbox` and `db.meta`).
 *
 * `settled`: consecutive seqs, first to last, whose rows have all just left the queue (a batch
 * answered in full). No row in between is pending, so the floor moves without a read, and the
 * delivered rows among them need not be deleted in this transaction: below the floor, no read
 * of the queue sees them, and `purgeDelivered` deletes them once the push is over. Deleting them
 * batch by batch was a fifth of a 10,000-visit push in Chromium (its storage rewrites what it
 * deletes), on the device's one storage thread, which every batch waits for.
 */
export async function passFloor(
  db: AppDB,
  settled: { first: number; last: number },
): Promise<boolean> {
  const floor = await readFloor(db);
  if (floor < settled.first - 1) return false;
  if (settled.last > floor) await writeMeta(db, OUTBOX_FLOOR_KEY, settled.last);
  return true;
}

/**
 * Moves the floor up to the oldest row still pending; inside the transaction that took rows
 * out of the queue and deleted the delivered ones (with `db.outbox` and `db.meta`). Reads the
 * index from the floor, stepping over the rows taken out since the last move (Chromium leaves
 * their index entries behind for a while: about 18 ms for a batch of 500).
 */
export async function raiseFloor(db: AppDB): Promise<void> {
  const floor = await readFloor(db);
  const [oldest] = await pendingAfter(db, floor).limit(1).keys(); // its [status, seq]
  const below = Array.isArray(oldest)
    ? Number(oldest[1]) - 1
    : ((await readMeta(db, OUTBOX_SEQ_KEY, seqSchema)) ?? floor);
  if (below > floor) await writeMeta(db, OUTBOX_FLOOR_KEY, below);
}

/**
 * Deletes the outbox rows whose ids are in [first, last], in one request; inside a write
 * transaction on the outbox. Dexie's `Collection.delete()` counts the range first, to say how
 * many rows went: one more pass over the rows (10 ms per batch of 500 in Chromium).
 */
export async function deleteOutboxRange(db: AppDB, first: string, last: string): Promise<void> {
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
  const left = () =>
    db.transaction('r', db.meta, async () => (await readPurged(db)) < (await readFloor(db)));
  let step = { deleted: 1, more: await left() };
  while (step.more) {
    // No pause after seqs that held nothing to delete (refused rows, or rows an earlier
    // version deleted as it went: a database from before this purge starts from 0).
    if (step.deleted > 0) await new Promise((resolve) => setTimeout(resolve, PURGE_PAUSE_MS));
    step = await db.transaction('rw', [db.outbox, db.meta], async () =>
      deleteDelivered(db, PURGE_CHUNK),
    );
  }
}

/**
 * The same, at once, inside the caller's write transaction (on `db.outbox` and `db.meta`):
 * before a pulled page is applied, a logout, a wipe. Nothing to do costs two reads of `meta`.
 */
export async function purgeDeliveredNow(db: AppDB): Promise<void> {
  await deleteDelivered(db);
}

/** The mutations not delivered yet: pending, or refused and waiting for the agent. */
export async function countUnsentMutations(db: AppDB): Promise<number> {
  return (await countPendingRows(db)) + (await countNeedingAttention(db));
}

/**
 * The oldest pending mutations after `afterSeq` (all when absent), at most `maxCount` and
 * about `maxBytes` of JSON. `afterSeq` lets the push read the next batch while the previous
 * one, still pending, is on its way.
 */
export async function nextBatch(
  db: AppDB,
  maxCount: number,
  maxBytes: number,
  afterSeq?: number,
): Promise<OutboxRow[]> {
  const rows = await pendingAfter(db, afterSeq ?? (await readFloor(db)))
    .limit(maxCount)
    .toArray();
  const batch: OutboxRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    // Locked while reading, the app got the row sealed: sent so, it would go without its data.
    if (SEALED_PROPERTY in row) throw new LockedError();
    const parsed = outboxRowSchema.parse(row);
    bytes += JSON.stringify(parsed).length;
    if (batch.length > 0 && bytes > maxBytes) break;
    batch.push(parsed);
  }
  return batch;
}

export function toMutation(row: OutboxRow): Mutation {
  const { id, seq, entity, op, entityId, data, baseVersion, at } = row;
  return baseVersion === undefined
    ? { id, seq, entity, op, entityId, data, at }
    : { id, seq, entity, op, entityId, data, baseVersion, at };
}

/** Counts a failed delivery (network or server fault): the batch is resent unchanged later. */
export async function recordAttempt(db: AppDB, ids: readonly string[]): Promise<void> {
  await db.outbox
    .where('id')
    .anyOf([...ids])
    .modify((row) => {
      row.attempts += 1;
    });
}

const withStatus = (db: AppDB, status: OutboxRow['status']) =>
  db.outbox.where('[status+seq]').between([status, 0], [status, Infinity]);

/** Mutations the server refused or found in conflict, oldest first: the "À corriger" list. */
export async function listNeedingAttention(db: AppDB): Promise<OutboxRow[]> {
  const byStatus = (status: OutboxRow['status']) => withStatus(db, status).toArray();
  const rows = [...(await byStatus('rejected')), ...(await byStatus('conflict'))];
  return rows.map((row) => outboxRowSchema.parse(row)).sort((a, b) => a.seq - b.seq);
}

/** How many mutations wait under "À corriger", counted on the index without reading them. */
export async function countNeedingAttention(db: AppDB): Promise<number> {
  return (await withStatus(db, 'rejected').count()) + (await withStatus(db, 'conflict').count());
}
