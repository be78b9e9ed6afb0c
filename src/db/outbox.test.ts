import { afterEach, describe, expect, it } from 'vitest';
import { freshDb, queueMadeUpVisits } from '../../tests/support/test-db';
import type { AppDB } from './AppDB';
import { countPending, nextBatch, recountPending } from './outbox';
import { applyPushResults } from './push-results';

let db: AppDB;
afterEach(async () => {
  await db.delete();
});

const receipt = { number: '2026-000042', issuedAt: '2026-11-23T10:00:00.000Z' };
const kept = async () => (await db.meta.get('outbox-pending'))?.value;

describe('the count of pending mutations', () => {
  it('is kept by each save and each answer, refused ones included', async () => {
    db = freshDb();
    await queueMadeUpVisits(db, 4);
    expect(await kept()).toBe(4);
    const batch = await nextBatch(db, 3, 10_000_000);
    await applyPushResults(db, batch, [
      { id: batch[0]!.id, status: 'accepted', version: 1, receipt },
      {
        id: batch[1]!.id,
        status: 'rejected',
        reason: { code: 'invalid_record', message: 'Enregistrement incomplet' },
      },
    ]);
    expect(await kept()).toBe(2);
    expect(await countPending(db)).toBe(2);
    expect((await nextBatch(db, 10, 10_000_000)).length).toBe(2);
  });

  it('is counted from the rows when none is kept, and corrected at the end of a push', async () => {
    db = freshDb();
    await queueMadeUpVisits(db, 3);
    await db.meta.delete('outbox-pending'); // a database from an app that did not keep it
    expect(await countPending(db)).toBe(3);
    await queueMadeUpVisits(db, 1);
    expect(await kept()).toBe(4);

    await db.meta.put({ key: 'outbox-pending', value: 9 }); // saves an older app did not count
    await recountPending(db);
    expect(await countPending(db)).toBe(4);
  });
});
