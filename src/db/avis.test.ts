import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../tests/support/test-db';
import type { AppDB } from './AppDB';
import { avisMonth, queueAvis } from './avis';
import { countPending, nextBatch } from './outbox';
import { applyPushResults } from './push-results';

let db: AppDB;
afterEach(() => db?.close());

const avis = {
  id: '2f1c3a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c',
  siteId: 'mds-41-41018',
  month: '2026-03',
  answers: { accueil: 'oui' as const, aide: 'moyen' as const },
};

describe('"Mon avis" on the device', () => {
  it('keeps the answers and their mutation together, and forgets both once the server holds them', async () => {
    db = freshDb();
    await queueAvis(db, avis);
    expect(await db.avis.get(avis.id)).toEqual({ ...avis, syncState: 'pending' });
    const [mutation] = await nextBatch(db, 10, 1_000_000);
    expect(mutation).toMatchObject({ entity: 'avis', op: 'put', entityId: avis.id, data: avis });
    const receipt = { number: 'anonyme', issuedAt: '2026-03-01T00:00:00.000Z' };
    await applyPushResults(
      db,
      [mutation!],
      [{ id: mutation!.id, status: 'accepted', version: 1, receipt }],
    );
    expect(await countPending(db)).toBe(0);
    expect(await db.avis.get(avis.id)).toBeUndefined();
  });

  it('refuses to store anything but a random id, a month and the answers', async () => {
    db = freshDb();
    await expect(
      queueAvis(db, { ...avis, id: '01890a5d-ac96-774b-bcce-b302099a8057' }),
    ).rejects.toThrow();
    await expect(queueAvis(db, { ...avis, visitId: avis.id } as typeof avis)).rejects.toThrow();
    expect(await countPending(db)).toBe(0);
  });

  it('keeps the month of the answer only', () => {
    expect(avisMonth(new Date(2026, 2, 14, 16, 45))).toBe('2026-03');
  });
});
