import { z } from 'zod';
import { receiptSchema } from '../../shared/schemas/common';
import type { Change } from '../../shared/sync/protocol-v1';
import { uuidv7 } from '../../shared/uuidv7';
import type { AppDB } from './AppDB';
import type { SyncedAnswer } from './entity-stores';
import type { LocalVisit } from './rows';

/**
 * The server's receipts for the visits this tablet pushed, kept as the server gave them: one
 * row per answered batch, found by visit through a multi-entry index.
 *
 * A visit is immutable once saved, so its receipt is the only thing its push changes. Writing
 * it back into the visit row would decrypt, re-encrypt and rewrite a sealed 1 KB row and its
 * four index entries per visit (about 130 µs of IndexedDB each in Chromium, well over a second
 * per 10,000 visits), where one ledger row per batch of 500 costs a few milliseconds. The visit row keeps
 * the state it was saved with; `withReceipts` gives the reader the state the server answered.
 * A pulled visit comes with its receipt in its row, as before.
 */
export const visitReceiptBatchSchema = z.object({
  id: z.string(),
  /** The visits answered, for the index: `receipts` in the same order. */
  visitIds: z.array(z.string()),
  receipts: z.array(z.object({ version: z.number().int().positive(), receipt: receiptSchema })),
});
export type VisitReceiptBatch = z.infer<typeof visitReceiptBatchSchema>;

type VisitReceipt = VisitReceiptBatch['receipts'][number];

/** Stores one batch's accepted visits; inside the transaction that removes their outbox rows. */
export async function storeVisitReceipts(
  db: AppDB,
  answers: readonly SyncedAnswer[],
): Promise<void> {
  if (answers.length === 0) return;
  await db.visitReceipts.add({
    id: uuidv7(),
    visitIds: answers.map((answer) => answer.entityId),
    receipts: answers.map(({ version, receipt }) => ({ version, receipt })),
  });
}

/** The receipts of `visitIds` the ledger holds, by visit. */
export async function readVisitReceipts(
  db: AppDB,
  visitIds: readonly string[],
): Promise<Map<string, VisitReceipt>> {
  const found = new Map<string, VisitReceipt>();
  if (visitIds.length === 0) return found;
  const wanted = new Set(visitIds);
  for (const row of await batchesOf(db, wanted)) {
    row.visitIds.forEach((id, i) => {
      if (wanted.has(id)) found.set(id, row.receipts[i]!);
    });
  }
  return found;
}

/** The visits as the server answered them: a visit with a receipt in the ledger is synced. */
export async function withReceipts(
  db: AppDB,
  visits: readonly LocalVisit[],
): Promise<LocalVisit[]> {
  const unsent = visits.filter((visit) => visit.receipt === undefined).map((visit) => visit.id);
  const receipts = await readVisitReceipts(db, unsent);
  return visits.map((visit) => {
    const answered = receipts.get(visit.id);
    return answered === undefined
      ? visit
      : { ...visit, ...answered, syncState: 'synced', reason: undefined };
  });
}

/**
 * The visits among pulled changes that the ledger holds at that version or later: the echo
 * of this tablet's own push, the same immutable visit, which is not written again.
 */
export async function echoedVisits(
  db: AppDB,
  changes: readonly Change[],
): Promise<ReadonlySet<string>> {
  const puts = changes.filter((change) => change.op === 'put');
  const receipts = await readVisitReceipts(
    db,
    puts.map((change) => change.entityId),
  );
  return new Set(
    puts
      .filter((change) => (receipts.get(change.entityId)?.version ?? 0) >= change.version)
      .map((change) => change.entityId),
  );
}

/** Whether the server holds `visitId` already (a receipt in its row or in the ledger). */
export async function hasReceipt(
  db: AppDB,
  visit: { id: string; receipt?: unknown } | undefined,
): Promise<boolean> {
  if (visit === undefined) return false;
  if (visit.receipt !== undefined) return true;
  return (await readVisitReceipts(db, [visit.id])).has(visit.id);
}

/** Drops the receipts of visits leaving the tablet (a person out of scope). */
export async function forgetVisitReceipts(db: AppDB, visitIds: readonly string[]): Promise<void> {
  if (visitIds.length === 0) return;
  const leaving = new Set(visitIds);
  for (const row of await batchesOf(db, leaving)) {
    const kept = row.visitIds.flatMap((id, i) => (leaving.has(id) ? [] : [i]));
    if (kept.length === 0) await db.visitReceipts.delete(row.id);
    else
      await db.visitReceipts.put({
        id: row.id,
        visitIds: kept.map((i) => row.visitIds[i]!),
        receipts: kept.map((i) => row.receipts[i]!),
      });
  }
}

/**
 * The ledger rows holding any of `visitIds`, each once; a row of another shape (written by
 * another app version) is not trusted. Found by key first: a cursor over the index would load
 * a whole batch's row for every visit of it.
 */
async function batchesOf(db: AppDB, visitIds: ReadonlySet<string>): Promise<VisitReceiptBatch[]> {
  const keys = await db.visitReceipts
    .where('visitIds')
    .anyOf([...visitIds])
    .primaryKeys();
  const rows = await db.visitReceipts.bulkGet([...new Set(keys)]);
  return rows.flatMap((row) => {
    const parsed = visitReceiptBatchSchema.safeParse(row);
    return parsed.success && parsed.data.visitIds.length === parsed.data.receipts.length
      ? [parsed.data]
      : [];
  });
}
