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
 * it waits only to be deleted (`passFloor`; outbox-purge.ts `purgeDelivered`).
 */
const OUTBOX_FLOOR_KEY = 'outbox-floor';
/**
 * How many rows are pending, kept by the writes that add or answer them, in their own
 * transaction: counting the queue reads every row of it (half a second for 10,000 in
 * Chromium, where IndexedDB does one thing at a time), and the sync bar wants the figure after
 * every save. Counted once when absent (a database from before it was kept), and counted again
 * at the end of every push, when what is left to count is little.
 */
const OUTBOX_PENDING_KEY = 'outbox-pending';
export const seqSchema = z.number().int();
const countSchema = z.number().int().nonnegative();

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
