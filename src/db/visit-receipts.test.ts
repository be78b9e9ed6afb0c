import { afterEach, describe, expect, it } from 'vitest';
import { makeVisit } from '../../tests/support/fixtures';
import { freshDb } from '../../tests/support/test-db';
import { uuidv7 } from '../../shared/uuidv7';
import type { AppDB } from './AppDB';
import { applyPullPage } from './apply-pull';
import { nextBatch } from './outbox';
import { purgeDelivered } from './outbox-purge';
import { leaveScope } from './person-removal';
import { applyPushResults } from './push-results';
import { forgetVisitReceipts, hasReceipt, storeVisitReceipts } from './visit-receipts';
import { listVisits, queueVisit, readVisit } from './visits';
import { wipePersonalData } from './wipe';

let db: AppDB;
afterEach(async () => {
  await db.delete();
});

const receipt = (n: number) => ({
  number: `2026-${String(n).padStart(6, '0')}`,
  issuedAt: '2026-11-23T10:00:00.000Z',
});

async function pushed(visits: ReturnType<typeof makeVisit>[]) {
  for (const visit of visits) await queueVisit(db, visit.id, visit);
  const batch = await nextBatch(db, 100, 10_000_000);
  await applyPushResults(
    db,
    batch,
    batch.map((row, i) => ({
      id: row.id,
      status: 'accepted' as const,
      version: 10 + i,
      receipt: receipt(i + 1),
    })),
  );
  await purgeDelivered(db);
}

describe('the receipt ledger of pushed visits', () => {
  it('answers each visit with its own receipt, the visit row left as it was saved', async () => {
    db = freshDb();
    const visits = [makeVisit(), makeVisit(), makeVisit()];
    await pushed(visits);

    expect(await db.visitReceipts.count()).toBe(1); // one row for the batch
    expect((await db.visits.get(visits[1]!.id))?.receipt).toBeUndefined();
    expect(await readVisit(db, visits[1]!.id)).toMatchObject({
      syncState: 'synced',
      version: 11,
      receipt: receipt(2),
    });
    const listed = await listVisits(db);
    expect(listed.map((visit) => [visit.id, visit.receipt?.number]).sort()).toEqual(
      visits.map((visit, i) => [visit.id, receipt(i + 1).number]).sort(),
    );
  });

  it('leaves a visit without a receipt pending, and one pulled with its receipt as pulled', async () => {
    db = freshDb();
    const waiting = makeVisit();
    await queueVisit(db, waiting.id, waiting);
    const pulled = makeVisit();
    await db.visits.put({
      ...pulled,
      syncState: 'synced',
      version: 4,
      receipt: receipt(99),
      visitDate: '2026-11-20',
    });
    await db.transaction('rw', db.visitReceipts, () =>
      storeVisitReceipts(db, [{ entityId: uuidv7(), version: 5, receipt: receipt(7) }]),
    );

    expect((await readVisit(db, waiting.id))?.syncState).toBe('pending');
    expect(await hasReceipt(db, await readVisit(db, waiting.id))).toBe(false);
    expect(await readVisit(db, pulled.id)).toMatchObject({ version: 4, receipt: receipt(99) });
    expect(await hasReceipt(db, await readVisit(db, pulled.id))).toBe(true);
  });

  it('ignores a ledger row of another shape rather than showing a wrong receipt', async () => {
    db = freshDb();
    const visit = makeVisit();
    await queueVisit(db, visit.id, visit);
    await db.visitReceipts.add({
      id: uuidv7(),
      visitIds: [visit.id],
      receipts: [{ number: 'sans version' }],
    } as never);
    expect((await readVisit(db, visit.id))?.syncState).toBe('pending');
  });

  it('forgets the receipts of visits that leave the tablet, and only theirs', async () => {
    db = freshDb();
    const visits = [makeVisit(), makeVisit(), makeVisit()];
    await pushed(visits);
    await db.transaction('rw', db.visitReceipts, () =>
      forgetVisitReceipts(db, [visits[0]!.id, visits[2]!.id]),
    );
    expect((await db.visitReceipts.toArray()).flatMap((row) => row.visitIds)).toEqual([
      visits[1]!.id,
    ]);
    await db.transaction('rw', db.visitReceipts, () => forgetVisitReceipts(db, [visits[1]!.id]));
    expect(await db.visitReceipts.count()).toBe(0);
  });

  it('goes with the visits of a person leaving the scope', async () => {
    db = freshDb();
    const personId = uuidv7();
    const visit = makeVisit({ personId });
    const other = makeVisit();
    await pushed([visit, other]);
    await db.transaction(
      'rw',
      [db.meta, db.persons, db.referrals, db.tasks, db.visits, db.visitReceipts, db.outbox],
      () => leaveScope(db, personId),
    );
    expect(await readVisit(db, visit.id)).toBeUndefined();
    expect((await db.visitReceipts.toArray()).flatMap((row) => row.visitIds)).toEqual([other.id]);
  });

  it('lets the wipe remove the visits the server holds, never an unsent one', async () => {
    db = freshDb();
    const sent = makeVisit();
    await pushed([sent]);
    const unsent = makeVisit();
    await queueVisit(db, unsent.id, unsent);
    await wipePersonalData(db, 'pin-failures');
    expect(await db.visits.toCollection().primaryKeys()).toEqual([unsent.id]);
    expect(await db.visitReceipts.count()).toBe(0);
  });

  it('does not write again a pulled visit the ledger holds at that version (the echo of its push)', async () => {
    db = freshDb();
    const echoed = makeVisit();
    const changed = makeVisit();
    await pushed([echoed, changed]); // versions 10 and 11
    const stranger = makeVisit();
    const serverCopy = (visit: ReturnType<typeof makeVisit>, version: number) => ({
      ...visit,
      authorId: uuidv7(),
      version,
      updatedAt: '2026-11-23T10:00:00.000Z',
      receipt: receipt(version),
    });
    await applyPullPage(db, {
      changes: [echoed, changed, stranger].map((visit, i) => ({
        entity: 'visit',
        entityId: visit.id,
        op: 'put' as const,
        version: [10, 12, 3][i]!,
        data: serverCopy(visit, [10, 12, 3][i]!),
      })),
      cursor: 'c1',
    });
    expect((await db.visits.get(echoed.id))?.receipt).toBeUndefined(); // left as saved
    expect(await readVisit(db, echoed.id)).toMatchObject({ version: 10, receipt: receipt(1) });
    expect(await readVisit(db, changed.id)).toMatchObject({ version: 12, receipt: receipt(12) });
    expect(await readVisit(db, stranger.id)).toMatchObject({ version: 3, syncState: 'synced' });
  });
});
