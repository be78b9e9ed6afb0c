import { afterEach, describe, expect, it } from 'vitest';
import { makeVisit } from '../../tests/support/fixtures';
import { freshDb } from '../../tests/support/test-db';
import type { AppDB } from './AppDB';
import { newDraft, readDraft, saveDraft } from './drafts';
import { countPending, nextBatch } from './outbox';
import { listVisits, queueVisit } from './visits';

let db: AppDB;
afterEach(async () => {
  await db.delete();
});

async function draftFor(id: string) {
  const draft = { ...newDraft('visite-domicile', 1), id };
  await saveDraft(db, draft);
  return draft;
}

describe('queueVisit', () => {
  it('writes the visit, its outbox mutation and removes the draft together', async () => {
    db = freshDb();
    const visit = makeVisit();
    await draftFor(visit.id);
    await queueVisit(db, visit.id, visit);

    expect(await listVisits(db)).toEqual([
      { ...visit, syncState: 'pending', visitDate: '2026-11-20' },
    ]);
    const [mutation] = await nextBatch(db, 10, 1_000_000);
    expect(mutation).toMatchObject({
      entity: 'visit',
      op: 'put',
      entityId: visit.id,
      data: visit,
      seq: 1,
      status: 'pending',
    });
    expect(await readDraft(db, visit.id)).toBeUndefined();
  });

  it('leaves the draft and writes nothing when the outbox write fails', async () => {
    db = freshDb();
    const visit = makeVisit();
    await draftFor(visit.id);
    db.outbox.hook('creating', () => {
      throw new DOMException('Le disque est plein', 'QuotaExceededError');
    });

    await expect(queueVisit(db, visit.id, visit)).rejects.toThrow('Le disque est plein');
    expect(await listVisits(db)).toEqual([]);
    expect(await countPending(db)).toBe(0);
    expect(await readDraft(db, visit.id)).toBeDefined();
  });

  it('numbers mutations in the order they were made', async () => {
    db = freshDb();
    for (let i = 0; i < 5; i += 1) {
      const visit = makeVisit();
      await queueVisit(db, visit.id, visit);
    }
    const batch = await nextBatch(db, 10, 1_000_000);
    expect(batch.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a visit that does not match the schema before touching the database', async () => {
    db = freshDb();
    const visit = makeVisit({ siteId: '' });
    await expect(queueVisit(db, visit.id, visit)).rejects.toThrow();
    expect(await countPending(db)).toBe(0);
  });
});

describe('nextBatch', () => {
  it('limits a batch by count and by bytes, always taking at least one', async () => {
    db = freshDb();
    for (let i = 0; i < 6; i += 1) {
      const visit = makeVisit({ answers: { ...makeVisit().answers, notes: 'x'.repeat(1000) } });
      await queueVisit(db, visit.id, visit);
    }
    expect(await nextBatch(db, 4, 1_000_000)).toHaveLength(4);
    expect(await nextBatch(db, 100, 2_500)).toHaveLength(1);
    expect(await nextBatch(db, 100, 10)).toHaveLength(1);
  });
});

describe('saving twice', () => {
  it('queues a visit once when "Enregistrer" is tapped twice', async () => {
    db = freshDb();
    const visit = makeVisit();
    await draftFor(visit.id);
    await Promise.all([queueVisit(db, visit.id, visit), queueVisit(db, visit.id, visit)]);
    expect(await countPending(db)).toBe(1);
    expect(await readDraft(db, visit.id)).toBeUndefined();
  });
});
