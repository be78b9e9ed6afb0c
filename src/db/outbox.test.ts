import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDb, queueMadeUpVisits } from '../../tests/support/test-db';
import type { AppDB } from './AppDB';
import { applyPullPage } from './apply-pull';
import { countPending, countUnsentMutations, nextBatch, recountPending } from './outbox';
import { purgeDelivered } from './outbox-purge';
import { applyPushResults } from './push-results';
import { logout } from './session';
import { wipePersonalData } from './wipe';

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

describe('the rows a push delivered and left below the floor', () => {
  /** A push stopped after its answers were stored, before its purge (the tab closed). */
  async function deliveredNotPurged(count: number) {
    await queueMadeUpVisits(db, count);
    const batch = await nextBatch(db, count, 10_000_000);
    await applyPushResults(
      db,
      batch,
      batch.map((row) => ({ id: row.id, status: 'accepted' as const, version: 1, receipt })),
    );
    expect(await db.outbox.count()).toBe(count);
    expect(await countUnsentMutations(db)).toBe(0);
  }

  it('go after the push, on a tablet that sent thousands with the previous version', async () => {
    db = freshDb();
    // That version deleted each row as it was answered, and kept no purge mark.
    await db.meta.bulkPut([
      { key: 'outbox-seq', value: 5_000 },
      { key: 'outbox-floor', value: 5_000 },
    ]);
    await deliveredNotPurged(2);
    await purgeDelivered(db);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.meta.get('outbox-purged')).toEqual({ key: 'outbox-purged', value: 5_002 });
  });

  it('go without pauses in a hidden page, whose timers wait a second or more', async () => {
    db = freshDb();
    await deliveredNotPurged(3);
    vi.useFakeTimers({ toFake: ['setTimeout'] }); // a pause would never end
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    try {
      await purgeDelivered(db);
    } finally {
      Reflect.deleteProperty(document, 'visibilityState');
      vi.useRealTimers();
    }
    expect(await db.outbox.count()).toBe(0);
  });

  it('go before a pulled page is applied: a record with an outbox row keeps its local version', async () => {
    db = freshDb();
    await deliveredNotPurged(3);
    await applyPullPage(db, { changes: [], cursor: 'c1' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('are no unsent work: the agent can log out, and they go', async () => {
    db = freshDb();
    await deliveredNotPurged(2);
    await logout(db);
    expect(await db.outbox.count()).toBe(0);
  });

  it('go with a wipe, which keeps what is still unsent', async () => {
    db = freshDb();
    await deliveredNotPurged(2);
    await queueMadeUpVisits(db, 1);
    await wipePersonalData(db, 'pin-failures');
    expect(await db.outbox.count()).toBe(1);
    expect(await countPending(db)).toBe(1);
  });
});
