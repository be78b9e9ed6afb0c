import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { makeVisit } from '../../tests/support/fixtures';
import { uuidv7 } from '../../shared/uuidv7';
import { AppDB } from './AppDB';
import { readPullCursor } from './apply-pull';
import { listDrafts } from './drafts';
import { countPending, nextBatch } from './outbox';
import { readSession } from './session';
import { listVisits } from './visits';

/**
 * A tablet updated from the first released app version keeps everything it held. The first
 * version's schema is written out here as it shipped, so the test opens a real database of
 * that version, not today's.
 */
const VERSION_1_SCHEMA = {
  visits: 'id, siteId, createdAt',
  drafts: 'id, updatedAt',
  outbox: 'id, [status+seq], entityId',
  sites: 'id',
  meta: 'key',
};

let name: string;
afterEach(async () => {
  await Dexie.delete(name);
});

describe('upgrading the device database', () => {
  it('keeps the queue, drafts and session of a version 1 database, migrates its visits, and pulls again', async () => {
    name = `migration-${uuidv7()}`;
    const old = new Dexie(name);
    old.version(1).stores(VERSION_1_SCHEMA);
    const early = makeVisit({ answers: { ...makeVisit().answers, date: '2026-10-02' } });
    const late = makeVisit({
      answers: { ...makeVisit().answers, date: '2026-11-15' },
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const session = {
      token: 't',
      deviceId: uuidv7(),
      expiresAt: '2027-01-01T00:00:00.000Z',
      agent: {
        id: uuidv7(),
        login: 'demo.social',
        displayName: 'Agent',
        role: 'travailleur_social',
        siteIds: ['mds-41-41018'],
      },
    };
    await old.table('visits').bulkPut([
      { ...early, syncState: 'pending' },
      {
        ...late,
        syncState: 'synced',
        version: 4,
        receipt: { number: '2026-000004', issuedAt: '2026-11-15T10:00:00.000Z' },
      },
    ]);
    await old.table('outbox').put({
      id: uuidv7(),
      seq: 1,
      entity: 'visit',
      op: 'put',
      entityId: early.id,
      data: early,
      at: early.createdAt,
      status: 'pending',
      attempts: 2,
    });
    await old.table('drafts').put({
      id: uuidv7(),
      formId: 'visite-domicile',
      formVersion: 1,
      answers: { personName: 'En cours' },
      createdAt: early.createdAt,
      updatedAt: early.createdAt,
    });
    await old.table('meta').bulkPut([
      { key: 'session', value: session },
      { key: 'pull-cursor', value: 'curseur-7' },
      { key: 'outbox-seq', value: 1 },
    ]);
    old.close();

    const db = new AppDB(name);
    expect((await listVisits(db)).map((v) => [v.id, v.visitDate])).toEqual([
      [late.id, '2026-11-15'],
      [early.id, '2026-10-02'],
    ]);
    expect(await countPending(db)).toBe(1);
    expect((await nextBatch(db, 10, 1e9))[0]).toMatchObject({ entityId: early.id, attempts: 2 });
    expect((await listDrafts(db)).map((d) => d.answers.personName)).toEqual(['En cours']);
    expect((await readSession(db))?.agent.login).toBe('demo.social');
    expect(await readPullCursor(db)).toBeUndefined(); // pulled again: new entities arrive in full
    db.close();
  });
});
