import { afterEach, describe, expect, it } from 'vitest';
import { makeVisit } from '../../tests/support/fixtures';
import { freshDb } from '../../tests/support/test-db';
import type { AppDB } from './AppDB';
import { applyPullPage, readPullCursor } from './apply-pull';
import { listVisits, queueVisit, readVisit } from './visits';

let db: AppDB;
afterEach(async () => {
  await db.delete();
});

const serverCopy = (visit: ReturnType<typeof makeVisit>, version: number) => ({
  ...visit,
  authorId: '0190f5c6-0000-7000-8000-000000000001',
  version,
  updatedAt: '2026-11-23T10:00:00.000Z',
  receipt: { number: `2026-00000${version}`, issuedAt: '2026-11-23T10:00:00.000Z' },
});

describe('applyPullPage', () => {
  it('stores the records and the cursor together', async () => {
    db = freshDb();
    const a = makeVisit();
    const site = {
      id: 'mds-41-41018',
      name: 'MDS de Blois',
      kind: 'mds',
      communeInsee: '41018',
      communeName: 'Blois',
      latitude: 47.58,
      longitude: 1.3,
    };
    await applyPullPage(db, {
      changes: [
        { entity: 'visit', entityId: a.id, op: 'put', version: 1, data: serverCopy(a, 1) },
        { entity: 'site', entityId: site.id, op: 'put', version: 2, data: site },
      ],
      cursor: 'c2',
    });
    expect(await readVisit(db, a.id)).toMatchObject({ syncState: 'synced', version: 1 });
    expect(await db.sites.get(site.id)).toEqual(site);
    expect(await readPullCursor(db)).toBe('c2');
  });

  it('applies nothing and keeps the old cursor when one change of the page is corrupt', async () => {
    db = freshDb();
    const a = makeVisit();
    await applyPullPage(db, { changes: [], cursor: 'c1' });
    await expect(
      applyPullPage(db, {
        changes: [
          { entity: 'visit', entityId: a.id, op: 'put', version: 1, data: serverCopy(a, 1) },
          { entity: 'visit', entityId: a.id, op: 'put', version: 2, data: { broken: true } },
        ],
        cursor: 'c2',
      }),
    ).rejects.toThrow();
    expect(await listVisits(db)).toEqual([]);
    expect(await readPullCursor(db)).toBe('c1');
  });

  it('keeps a local change still waiting to be sent, and skips entities it does not know', async () => {
    db = freshDb();
    const local = makeVisit();
    await queueVisit(db, local.id, local);
    await applyPullPage(db, {
      changes: [
        { entity: 'visit', entityId: local.id, op: 'delete', version: 5 },
        { entity: 'future-entity', entityId: local.id, op: 'put', version: 6, data: {} },
      ],
      cursor: 'c6',
    });
    expect((await readVisit(db, local.id))?.syncState).toBe('pending');
    expect(await readPullCursor(db)).toBe('c6');
  });
});
