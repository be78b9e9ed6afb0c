import { afterEach, describe, expect, it } from 'vitest';
import { makeVisit } from '../../tests/support/fixtures';
import { freshDb } from '../../tests/support/test-db';
import type { AppDB } from './AppDB';
import { countPending, countUnsentMutations, listNeedingAttention, nextBatch } from './outbox';
import { purgeDelivered } from './outbox-purge';
import { applyPushResults } from './push-results';
import type { OutboxRow } from './rows';
import { queueVisit, readVisit } from './visits';

let db: AppDB;
afterEach(async () => {
  await db.delete();
});

const receipt = { number: '2026-000042', issuedAt: '2026-11-23T10:00:00.000Z' };
const accept = (row: OutboxRow) => ({
  id: row.id,
  status: 'accepted' as const,
  version: row.seq,
  receipt,
});

async function queued(count: number) {
  const visits = Array.from({ length: count }, () => makeVisit());
  for (const visit of visits) await queueVisit(db, visit.id, visit);
  return { visits, mutations: await nextBatch(db, 100, 10_000_000) };
}

describe('applyPushResults', () => {
  it('stores the receipt and empties the outbox for accepted and duplicate mutations', async () => {
    db = freshDb();
    const { visits, mutations } = await queued(2);
    await applyPushResults(db, mutations, [
      { id: mutations[0]!.id, status: 'accepted', version: 7, receipt },
      {
        id: mutations[1]!.id,
        status: 'duplicate',
        version: 8,
        receipt: { ...receipt, number: '2026-000043' },
      },
    ]);
    expect(await countPending(db)).toBe(0);
    expect(await readVisit(db, visits[0]!.id)).toMatchObject({
      syncState: 'synced',
      version: 7,
      receipt,
    });
    expect((await readVisit(db, visits[1]!.id))?.receipt?.number).toBe('2026-000043');
  });

  it('keeps a rejected mutation visible with its reason, and it no longer blocks the queue', async () => {
    db = freshDb();
    const { visits, mutations } = await queued(3);
    const reason = {
      code: 'invalid_record',
      message: 'Enregistrement incomplet',
      details: [{ path: 'answers.date', message: 'Date invalide.' }],
    };
    await applyPushResults(db, mutations, [{ id: mutations[0]!.id, status: 'rejected', reason }]);

    expect(await readVisit(db, visits[0]!.id)).toMatchObject({ syncState: 'rejected', reason });
    expect((await listNeedingAttention(db)).map((row) => row.id)).toEqual([mutations[0]!.id]);
    expect((await nextBatch(db, 100, 10_000_000)).map((row) => row.id)).toEqual([
      mutations[1]!.id,
      mutations[2]!.id,
    ]);
  });

  it('marks a conflict and keeps it for the agent', async () => {
    db = freshDb();
    const { visits, mutations } = await queued(1);
    const reason = { code: 'version_conflict', message: 'Modifié ailleurs' };
    await applyPushResults(db, mutations, [
      { id: mutations[0]!.id, status: 'conflict', reason, serverVersion: 12 },
    ]);
    expect((await readVisit(db, visits[0]!.id))?.syncState).toBe('conflict');
    expect(await listNeedingAttention(db)).toHaveLength(1);
  });

  it('ignores answers for mutations already handled (another tab, a resent batch)', async () => {
    db = freshDb();
    const { mutations } = await queued(1);
    const answer = { id: mutations[0]!.id, status: 'accepted' as const, version: 3, receipt };
    await applyPushResults(db, mutations, [answer]);
    await applyPushResults(db, mutations, [answer]);
    expect(await countPending(db)).toBe(0);
  });

  it('leaves a batch answered in full below the floor, then the purge deletes its delivered rows', async () => {
    db = freshDb();
    const { mutations } = await queued(6);
    const reason = { code: 'invalid_record', message: 'Enregistrement incomplet' };
    const answered = mutations.slice(0, 5);
    await applyPushResults(
      db,
      answered,
      answered.map((row, i) =>
        i === 2
          ? { id: row.id, status: 'rejected' as const, reason }
          : { id: row.id, status: 'accepted' as const, version: i + 1, receipt },
      ),
    );
    // Delivered, the rows are out of the queue, though still in the table until the purge.
    expect(await db.outbox.count()).toBe(6);
    expect(await countPending(db)).toBe(1);
    expect(await countUnsentMutations(db)).toBe(2); // the refused one and the unanswered one
    expect((await listNeedingAttention(db)).map((row) => row.id)).toEqual([mutations[2]!.id]);
    expect((await nextBatch(db, 100, 10_000_000)).map((row) => row.id)).toEqual([mutations[5]!.id]);
    // Answered again (an answer stored twice), nothing is counted twice.
    await applyPushResults(db, answered, answered.map(accept));
    expect(await countPending(db)).toBe(1);

    await purgeDelivered(db);
    expect(await db.outbox.toCollection().primaryKeys()).toEqual([
      mutations[2]!.id,
      mutations[5]!.id,
    ]);
    expect((await nextBatch(db, 100, 10_000_000)).map((row) => row.id)).toEqual([mutations[5]!.id]);
  });

  it('deletes the delivered rows at once when the batch was answered in part', async () => {
    db = freshDb();
    const { mutations } = await queued(4);
    await applyPushResults(db, mutations.slice(0, 3), [
      accept(mutations[0]!),
      accept(mutations[2]!),
    ]);
    expect(await db.outbox.toCollection().primaryKeys()).toEqual([
      mutations[1]!.id,
      mutations[3]!.id,
    ]);
  });

  it('starts the queue after what was answered, never past a row still pending', async () => {
    db = freshDb();
    const { mutations } = await queued(6);
    // The third row gets no answer (a server that answered part of the batch): it stays first.
    await applyPushResults(db, mutations.slice(0, 4), [
      accept(mutations[0]!),
      accept(mutations[1]!),
      accept(mutations[3]!),
    ]);
    expect(await db.meta.get('outbox-floor')).toEqual({ key: 'outbox-floor', value: 2 });
    expect(await countPending(db)).toBe(3);
    expect((await nextBatch(db, 100, 10_000_000)).map((row) => row.id)).toEqual([
      mutations[2]!.id,
      mutations[4]!.id,
      mutations[5]!.id,
    ]);

    await applyPushResults(db, mutations.slice(2), mutations.slice(2).map(accept));
    expect(await db.meta.get('outbox-floor')).toEqual({ key: 'outbox-floor', value: 6 });
    expect(await countPending(db)).toBe(0);
    const later = makeVisit();
    await queueVisit(db, later.id, later);
    expect(await countPending(db)).toBe(1);
    expect((await nextBatch(db, 100, 10_000_000)).map((row) => row.seq)).toEqual([7]);
  });

  it('moves the floor past a batch answered in full, never over a pending row between its seqs', async () => {
    db = freshDb();
    const { mutations } = await queued(5);
    await applyPushResults(db, mutations.slice(0, 2), mutations.slice(0, 2).map(accept));
    expect(await db.meta.get('outbox-floor')).toEqual({ key: 'outbox-floor', value: 2 });

    // Rows 3 and 5 answered in full, but row 4 between them is still pending.
    const apart = [mutations[2]!, mutations[4]!];
    await applyPushResults(db, apart, apart.map(accept));
    expect(await db.meta.get('outbox-floor')).toEqual({ key: 'outbox-floor', value: 3 });
    expect(await countPending(db)).toBe(1);
    expect((await nextBatch(db, 100, 10_000_000)).map((row) => row.seq)).toEqual([4]);
  });
});
