import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../shared/sync/protocol-v1';
import { migrate } from '../../../server/src/db/migrate';
import { seedBuiltinForms } from '../../../server/src/forms/seed-builtin-forms';
import { readRetentionPolicies, purgeExpired } from '../../../server/src/rgpd/purge-expired';
import { MDS_SITES } from '../../../server/src/seed/demo-sites';
import { seedSites } from '../../../server/src/seed/seed-sites';
import { uuidv7 } from '../../../shared/uuidv7';
import { BLOIS, MER, newSession, push, visitPut } from '../support/fixtures';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { expectKeptAsCounted } from './day-tables';
import { fetchReport, figures, seedPilotageDataset } from './pilotage-dataset';

/** The day tables (011) and the migration that rewrites their functions (014), in order. */
const DAILY_MIGRATIONS = ['011_pilotage_daily.sql', '014_push_ingest.sql'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** A pushed visit-domicile saved on the tablet at `createdAt`, maybe correcting another. */
function visitAt(createdAt: string, supersedes?: string): Mutation {
  const mutation = visitPut(BLOIS);
  const data = mutation.data as Record<string, unknown>;
  return { ...mutation, data: { ...data, createdAt, ...(supersedes ? { supersedes } : {}) } };
}

describe.each(testDatabases())('pilotage day figures on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);
  let admin: string;

  const report = (query: string) => fetchReport(server(), query, admin);

  /**
   * Visits at Blois in March and in April 2026 (the previous period of April is March), each
   * month asked on its own so that no masked month forces another one to be masked (secondary
   * suppression).
   */
  async function marchApril() {
    const month = async (from: string, to: string) =>
      figures(await report(`from=${from}&to=${to}&siteId=${BLOIS}`), 'visitsByMonth');
    return {
      ...(await month('2026-03-01', '2026-03-31')),
      ...(await month('2026-04-01', '2026-04-30')),
    };
  }

  beforeAll(async () => {
    await seedBuiltinForms(server().db, server().clock.now);
    admin = (await newSession(server(), [BLOIS], 'administrateur')).token;
  });

  it('moves a visit corrected through the push to its correction, and a purge takes it out', async () => {
    const agent = await newSession(server(), [BLOIS]);
    server().clock.now = new Date('2026-03-20T10:00:00Z');
    const visits = Array.from({ length: 6 }, () => visitAt('2026-03-10T10:00:00Z'));
    await push(server(), agent, visits);
    expect(await marchApril()).toEqual({ 'mars 2026': [6, 0], 'avr. 2026': [0, 6] });
    await expectKeptAsCounted(server().db);

    // Corrected on 2 April: the visit counts once, on the correction's day.
    server().clock.now = new Date('2026-04-02T10:00:00Z');
    await push(server(), agent, [visitAt('2026-04-02T09:00:00Z', visits[0]!.entityId)]);
    expect(await marchApril()).toEqual({ 'mars 2026': [5, 0], 'avr. 2026': [null, 5] });
    await expectKeptAsCounted(server().db);

    // The six visits of 20 March expire; the correction, written later, is kept and counts.
    const retention = (await readRetentionPolicies(server().db)).find((p) => p.entity === 'visit');
    const now = new Date(Date.parse('2026-03-21T10:00:00Z') + retention!.retentionDays * DAY_MS);
    const purged = await purgeExpired(server().db, { now, by: null, via: 'test' });
    expect(purged.entities.find((e) => e.entity === 'visit')?.purged).toBe(6);
    expect(await marchApril()).toEqual({ 'mars 2026': [0, 0], 'avr. 2026': [null, 0] });
    await expectKeptAsCounted(server().db);
  });

  it('keeps corrections arriving first, removed corrections, moves and persons right', async () => {
    const db = server().db;
    const author = (await newSession(server(), [BLOIS, MER])).agent.id;
    const person = randomUUID();
    const insert = async (at: string, extra: { id?: string; supersedes?: string } = {}) => {
      const id = extra.id ?? uuidv7();
      await db.query(
        `INSERT INTO visits (id, site_id, form_id, form_version, answers, status, device_created_at,
                             author_id, version, updated_at, receipt_number, receipt_issued_at,
                             supersedes, person_id)
         VALUES ($1, $2, 'cra-mediation-numerique', 1, $3, 'signed', $4, $5, nextval('change_seq'),
                 $4, $6, $4, $7, $8)`,
        [
          id,
          BLOIS,
          JSON.stringify({ duree: 30, thematiques: ['email'], typeLieu: 'lieu_activite' }),
          at,
          author,
          `daily-${id}`,
          extra.supersedes ?? null,
          person,
        ],
      );
      return id;
    };
    const daysOf = async () =>
      (
        await db.query<{ days: string }>(
          'SELECT days::text AS days FROM pilotage_person_days WHERE person_id = $1',
          [person],
        )
      ).map((row) => row.days);
    const craOn = async (day: string) =>
      (
        await db.query<{ n: number }>(
          `SELECT coalesce(sum(visits), 0)::int AS n FROM pilotage_visit_days
            WHERE form_id = 'cra-mediation-numerique' AND day = $1`,
          [day],
        )
      )[0]!.n;

    const first = await insert('2026-09-10T08:00:00Z');
    await insert('2026-09-12T08:00:00Z');
    const correction = await insert('2026-09-15T08:00:00Z', { supersedes: first });
    expect([await craOn('2026-09-10'), await craOn('2026-09-15')]).toEqual([0, 1]);
    // Persons seen count every visit, corrected or not (as before the day tables).
    expect(await daysOf()).toEqual([
      '{[2026-09-10,2026-09-11),[2026-09-12,2026-09-13),[2026-09-15,2026-09-16)}',
    ]);
    await expectKeptAsCounted(db);

    // A correction stored before the visit it corrects: the visit never counts.
    const late = uuidv7();
    await insert('2026-09-20T08:00:00Z', { supersedes: late });
    await insert('2026-09-18T08:00:00Z', { id: late });
    expect([await craOn('2026-09-18'), await craOn('2026-09-20')]).toEqual([0, 1]);
    await expectKeptAsCounted(db);

    // The correction removed (rectification, purge): the visit it replaced counts again.
    await db.query('DELETE FROM visits WHERE id = $1', [correction]);
    expect([await craOn('2026-09-10'), await craOn('2026-09-15')]).toEqual([1, 0]);
    expect(await daysOf()).toEqual([
      '{[2026-09-10,2026-09-11),[2026-09-12,2026-09-13),[2026-09-18,2026-09-19),[2026-09-20,2026-09-21)}',
    ]);
    await expectKeptAsCounted(db);

    // A visit moved to another MDS and day, several in one statement.
    await db.query(
      `UPDATE visits SET site_id = $1, device_created_at = device_created_at + interval '1 day'
        WHERE person_id = $2 AND device_created_at < '2026-09-13'`,
      [MER, person],
    );
    expect([await craOn('2026-09-10'), await craOn('2026-09-11')]).toEqual([0, 1]);
    expect(
      (
        await db.query<{ site_id: string }>(
          'SELECT site_id FROM pilotage_person_days WHERE person_id = $1 ORDER BY site_id',
          [person],
        )
      ).map((row) => row.site_id),
    ).toEqual([BLOIS, MER].sort());
    await expectKeptAsCounted(db);
  });

  it('sees a person seen at several MDS only in the visits of the scope', async () => {
    const db = server().db;
    const author = (await newSession(server(), [BLOIS, MER])).agent.id;
    // Five persons of Blois, in no caseload: seen at Mer in October, at Blois in November.
    for (let i = 0; i < 5; i++) {
      const person = randomUUID();
      await db.query(
        `INSERT INTO persons (id, site_id, name_key, fields, created_by, created_at, version,
                              updated_at, receipt_number, receipt_issued_at)
         VALUES ($1, $2, $3, '{}', $4, '2026-01-05T10:00:00Z', nextval('change_seq'),
                 '2026-01-05T10:00:00Z', $5, '2026-01-05T10:00:00Z')`,
        [person, BLOIS, `personne vue ${i}`, author, `p-${person}`],
      );
      for (const [siteId, at] of [
        [MER, '2026-10-05T10:00:00Z'],
        [BLOIS, '2026-11-05T10:00:00Z'],
      ] as const) {
        const id = uuidv7();
        await db.query(
          `INSERT INTO visits (id, site_id, form_id, form_version, answers, status, device_created_at,
                               author_id, version, updated_at, receipt_number, receipt_issued_at,
                               person_id)
           VALUES ($1, $2, 'visite-sociale', 1, '{"lieu": "mds"}', 'signed', $3, $4,
                   nextval('change_seq'), $3, $5, $3, $6)`,
          [id, siteId, at, author, `seen-${id}`, person],
        );
      }
    }
    await expectKeptAsCounted(db);
    const followed = async (query: string) =>
      figures(await report(query), 'personsFollowed')['Maison des Solidarités de Blois'];
    expect(await followed(`from=2026-10-01&to=2026-10-31&siteId=${BLOIS}`)).toEqual([0, 0, 0, 0]);
    expect(await followed('from=2026-10-01&to=2026-10-31')).toEqual([5, 0, 5, 0]);
    expect(await followed(`from=2026-11-01&to=2026-11-30&siteId=${BLOIS}`)).toEqual([5, 0, 5, 0]);
  });

  it('counts the visits stored before migration 011 when it runs (last: rebuilds the schema)', async () => {
    const db = server().db;
    // The database as it was before 011: every migration but those, then the pilotage dataset.
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await db.exec(
      'CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    await db.query('INSERT INTO schema_migrations (name) SELECT unnest($1::text[])', [
      DAILY_MIGRATIONS,
    ]);
    await migrate(db);
    await expect(db.query('SELECT 1 FROM pilotage_visit_days')).rejects.toThrow();
    server().clock.now = new Date('2026-07-01T08:00:00Z');
    await seedSites(db, MDS_SITES, server().clock.now);
    await seedBuiltinForms(db, server().clock.now);
    await seedPilotageDataset(server());

    await db.query('DELETE FROM schema_migrations WHERE name = ANY($1::text[])', [
      DAILY_MIGRATIONS,
    ]);
    expect(await migrate(db)).toEqual(DAILY_MIGRATIONS);
    await expectKeptAsCounted(db);
    admin = (await newSession(server(), [BLOIS], 'administrateur')).token;
    // The figures pilotage-figures.test.ts states for this dataset.
    const r = await report(`from=2026-01-01&to=2026-06-30&siteId=${BLOIS}`);
    expect(figures(r, 'visitsByForm')).toEqual({
      'Évaluation AGGIR': [8, 0],
      'Compte rendu d’activité': [null, 0],
      'Visite à domicile PMI': [10, 0],
      'visite-domicile': [7, 5],
      'Visite sociale': [null, 0],
    });
    expect(figures(r, 'epds')).toEqual({
      'Maison des Solidarités de Blois': [10, 0, 5, 0, 50, null],
      Ensemble: [10, 0, 5, 0, 50, null],
    });
    expect(figures(r, 'digitalThemes')).toEqual({
      'E-mail': [6, 0, 47.5, null],
      Santé: [5, 0, 39, null],
    });
    expect(figures(r, 'personsFollowed')['Maison des Solidarités de Blois']).toEqual([
      7,
      7,
      null,
      0,
    ]);

    // Visits written after it add to the counted rows.
    const agent = await newSession(server(), [BLOIS]);
    await push(
      server(),
      agent,
      Array.from({ length: 3 }, () => visitAt('2026-02-10T12:00:00Z')),
    );
    expect(
      figures(await report(`from=2026-01-01&to=2026-06-30&siteId=${BLOIS}`), 'visitsByForm')[
        'visite-domicile'
      ],
    ).toEqual([10, 5]);
    await expectKeptAsCounted(db);
  });
});
