import { afterEach, describe, expect, it } from 'vitest';
import { makeVisit, testSession } from '../../tests/support/fixtures';
import { FakeServer } from '../../tests/support/fake-server';
import { freshDb, queueMadeUpVisits } from '../../tests/support/test-db';
import type { AppDB } from '../db/AppDB';
import { countPending, listNeedingAttention, nextBatch } from '../db/outbox';
import { listVisits, queueVisit } from '../db/visits';
import { LockedError } from '../db/sealing-middleware';
import { createAesGcmFieldCipher } from '../security/aes-gcm-field-cipher';
import { describeError, NetworkError } from './api-client';
import { pushOutbox, PUSH_MAX_MUTATIONS, type Progress } from './push';

let db: AppDB;
afterEach(async () => {
  await db.delete();
});

const session = testSession;

describe('pushOutbox', () => {
  it('sends everything in batches and shows progress', async () => {
    db = freshDb();
    await queueMadeUpVisits(db, PUSH_MAX_MUTATIONS * 2 + 5);
    const server = new FakeServer();
    const seen: Progress[] = [];
    await pushOutbox(db, server, session, { onProgress: (p) => seen.push(p) });
    expect(server.pushes.map((batch) => batch.length)).toEqual([
      PUSH_MAX_MUTATIONS,
      PUSH_MAX_MUTATIONS,
      5,
    ]);
    expect(seen.at(-1)).toEqual({
      done: PUSH_MAX_MUTATIONS * 2 + 5,
      total: PUSH_MAX_MUTATIONS * 2 + 5,
      horizon: PUSH_MAX_MUTATIONS * 2 + 5,
    });
    expect(await countPending(db)).toBe(0);
    expect(await db.outbox.count()).toBe(0); // the delivered rows deleted after the push
    expect((await listVisits(db)).every((v) => v.receipt !== undefined)).toBe(true);
  });

  it('takes in the records saved while it runs, and counts them in its progress', async () => {
    db = freshDb();
    await queueMadeUpVisits(db, 3);
    const server = new FakeServer();
    let saved = false;
    server.afterApply = async () => {
      if (saved) return;
      saved = true;
      await queueMadeUpVisits(db, 2); // the agent saves two more visits while the first batch travels
    };
    const seen: Progress[] = [];
    await pushOutbox(db, server, session, { maxMutations: 2, onProgress: (p) => seen.push(p) });
    expect(seen[0]).toEqual({ done: 0, total: 3, horizon: 3 });
    expect(seen.at(-1)).toEqual({ done: 5, total: 5, horizon: 5 });
    expect(server.pushes.flat()).toHaveLength(5);
    expect(await countPending(db)).toBe(0);
  });

  it('resends a batch whose answer was lost and ends with each record once, with one receipt', async () => {
    db = freshDb();
    await queueMadeUpVisits(db, 3);
    const server = new FakeServer();
    let cut = true;
    server.afterApply = () => {
      if (cut) {
        cut = false;
        throw new NetworkError(new Error('connection reset'));
      }
    };
    await expect(pushOutbox(db, server, session)).rejects.toBeInstanceOf(NetworkError);
    expect(await countPending(db)).toBe(3);
    expect((await nextBatch(db, 10, 1e9)).every((row) => row.attempts === 1)).toBe(true);

    await pushOutbox(db, server, session);
    expect(server.acceptedCount()).toBe(3);
    expect(await countPending(db)).toBe(0);
    const numbers = (await listVisits(db)).map((v) => v.receipt?.number).sort();
    expect(numbers).toEqual(['2026-000001', '2026-000002', '2026-000003']);
  });

  it('keeps a refused record aside and sends the others', async () => {
    db = freshDb();
    await queueMadeUpVisits(db, 4);
    const server = new FakeServer();
    const firstId = (await nextBatch(db, 1, 1e9))[0]!.entityId;
    server.reject = (m) => m.entityId === firstId;
    await pushOutbox(db, server, session);
    expect(server.acceptedCount()).toBe(3);
    expect(await listNeedingAttention(db)).toHaveLength(1);
    await pushOutbox(db, server, session);
    expect(server.pushes).toHaveLength(1);
  });

  it('stops when the app locks during the push, and sends no record without its data', async () => {
    db = freshDb();
    await queueMadeUpVisits(db, 6);
    const key = new Uint8Array(db.vault.dataKey!);
    const server = new FakeServer();
    server.afterApply = () => db.vault.close(); // the tablet locks itself while the first batch travels
    const error = await pushOutbox(db, server, session, { maxMutations: 2 }).catch((e) => e);
    expect(error).toBeInstanceOf(LockedError);
    expect(describeError(error)).toEqual({
      code: 'locked',
      message: 'Application verrouillée : l’envoi reprendra au déverrouillage.',
    });
    const sent = server.pushes.flat();
    expect(sent.length).toBeLessThan(6);
    expect(sent.every((mutation) => mutation.data !== undefined)).toBe(true);

    db.vault.open(key, createAesGcmFieldCipher(key)); // unlocked again: the push resumes
    server.afterApply = () => {};
    await pushOutbox(db, server, session, { maxMutations: 2 });
    expect(new Set(server.pushes.flat().map((mutation) => mutation.id)).size).toBe(6);
    expect(await countPending(db)).toBe(0);
    expect(await listNeedingAttention(db)).toEqual([]);
  });

  it('sends in the order the agent saved, even when the device clock jumps back hours', async () => {
    db = freshDb();
    const clock = [
      Date.UTC(2026, 10, 23, 15),
      Date.UTC(2026, 10, 23, 9),
      Date.UTC(2026, 10, 22, 23),
    ]; // set back twice
    const saved: string[] = [];
    for (const at of clock) {
      const visit = makeVisit({ createdAt: new Date(at).toISOString() });
      await queueVisit(db, visit.id, visit, new Date(at));
      saved.push(visit.id);
    }
    const server = new FakeServer();
    await pushOutbox(db, server, session);
    expect(server.pushes.flat().map((m) => m.entityId)).toEqual(saved);
    expect(server.pushes.flat().map((m) => m.seq)).toEqual([1, 2, 3]);
    // Receipts are the server's, whatever the device believed the time was.
    expect(
      (await listVisits(db)).every((v) => v.receipt?.issuedAt === '2026-11-23T10:00:00.000Z'),
    ).toBe(true);
  });

  it('reads and stores while a batch travels, yet sends a batch only once the previous one is answered', async () => {
    db = freshDb();
    await queueMadeUpVisits(db, 12);
    const server = new FakeServer();
    let inFlight = 0;
    let most = 0;
    const push = server.push.bind(server);
    server.push = async (...args) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      try {
        return await push(...args);
      } finally {
        inFlight -= 1;
      }
    };
    let pushes = 0;
    server.beforePush = () => {
      pushes += 1;
      if (pushes === 3) throw new NetworkError(new Error('connection reset'));
    };
    await expect(pushOutbox(db, server, session, { maxMutations: 5 })).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(most).toBe(1);
    // The two answered batches are stored; the third is still queued, its attempt counted.
    expect(await countPending(db)).toBe(2);
    expect((await nextBatch(db, 10, 1e9)).every((row) => row.attempts === 1)).toBe(true);
    await pushOutbox(db, server, session, { maxMutations: 5 });
    expect(server.pushes.flat().map((m) => m.seq)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(server.acceptedCount()).toBe(12);
  });
});
