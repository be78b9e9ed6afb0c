/**
 * Pilotage (issue 9): the time to compute the whole page, every table of it, on 1,000,000
 * visits and 100,000 persons (with caseloads, referrals and their history, tasks and "Mon avis"
 * answers) generated in SQL, on PostgreSQL and on PGlite; target ≤ 1 s on PostgreSQL. Printed
 * beside a floor measured in the same run: one aggregate that only counts the two periods'
 * visits of the same sites, the least any figure of the page has to read.
 *
 * `PILOTAGE_BENCH_DB=postgresql` (or `pglite`) measures on that database alone: generating the
 * sample takes about 2 min on PostgreSQL and several times that on PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Agent, Role } from '../shared/schemas/agent';
import type { Database } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { wrapPglite } from '../server/src/db/pglite';
import { openPostgres } from '../server/src/db/postgres';
import { insertAgentIfAbsent } from '../server/src/db/queries/agents';
import { seedBuiltinForms } from '../server/src/forms/seed-builtin-forms';
import { buildPilotageReport } from '../server/src/pilotage/build-report';
import { MDS_SITES } from '../server/src/seed/demo-sites';
import { seedSites } from '../server/src/seed/seed-sites';
import { uuidv7 } from '../shared/uuidv7';
import { findPostgres, startPgCluster } from '../tests/support/pg-cluster';
import { fillPilotageSample, SAMPLE } from './pilotage-sample';

const RUNS = 3;
const NOW = new Date('2026-11-23T10:00:00Z');
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const BLOIS = 'mds-41-41018';

const ms = (value: number) => `${Math.round(value).toLocaleString('fr-FR')} ms`;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(job: () => Promise<unknown>): Promise<number> {
  await job(); // warm-up: plans and caches
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await job();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function agentOf(db: Database, role: Role, siteIds: string[]): Promise<Agent> {
  const agent: Agent = { id: uuidv7(), login: `bench.${role}`, displayName: role, role, siteIds };
  await insertAgentIfAbsent(
    db,
    { ...agent, passwordHash: 'scrypt$bench', isDemo: false },
    NOW.toISOString(),
  );
  return agent;
}

async function measure(name: string, db: Database): Promise<void> {
  const started = performance.now();
  await migrate(db);
  await seedSites(db, MDS_SITES, NOW);
  await seedBuiltinForms(db, NOW);
  const sites = MDS_SITES.map((site) => site.id);
  const field: Role[] = [
    'travailleur_social',
    'puericultrice',
    'conseillere_autonomie',
    'conseiller_numerique',
  ];
  const authors = await Promise.all(field.map((role) => agentOf(db, role, sites)));
  await fillPilotageSample(
    db,
    sites,
    authors.map((a) => a.id),
    NOW,
  );
  console.log(`${name}: sample generated in ${ms(performance.now() - started)}`);

  const cadre = await agentOf(db, 'cadre', [BLOIS]);
  const admin = await agentOf(db, 'administrateur', [BLOIS]);
  const floor = await timed(() =>
    db.query(
      `SELECT count(*) FROM visits
        WHERE site_id = ANY($1::text[]) AND device_created_at >= $2 AND device_created_at < $3`,
      [sites, '2025-01-01T00:00:00+01:00', '2027-01-01T00:00:00+01:00'],
    ),
  );
  const cadrePage = await timed(() => buildPilotageReport(db, cadre, YEAR, NOW));
  const mdsPage = await timed(() =>
    buildPilotageReport(db, cadre, { ...YEAR, siteId: BLOIS }, NOW),
  );
  const wholePage = await timed(() => buildPilotageReport(db, admin, YEAR, NOW));
  console.log(`  whole page, département (12 MDS), a year and the year before: ${ms(wholePage)}`);
  console.log(`  whole page, cadre's territory (4 MDS):                        ${ms(cadrePage)}`);
  console.log(`  whole page, one MDS:                                          ${ms(mdsPage)}`);
  console.log(`  floor, counting the two years' visits of the 12 MDS once:     ${ms(floor)}`);
}

const ONLY = process.env.PILOTAGE_BENCH_DB;

export default async function pilotageBench(): Promise<void> {
  console.log(
    `${SAMPLE.visits.toLocaleString('fr-FR')} visits, ${SAMPLE.persons.toLocaleString('fr-FR')} persons, ` +
      `${SAMPLE.referrals.toLocaleString('fr-FR')} referrals, ${SAMPLE.tasks.toLocaleString('fr-FR')} tasks; median of ${RUNS} runs (target ≤ 1 s on PostgreSQL)`,
  );
  const bin = findPostgres();
  if (ONLY === 'pglite') console.log('PostgreSQL: skipped (PILOTAGE_BENCH_DB=pglite)');
  else if ('missing' in bin) console.log(`PostgreSQL: skipped (${bin.missing})`);
  else {
    const cluster = await startPgCluster(bin);
    const admin = openPostgres(cluster.databaseUrl);
    await admin.query('CREATE DATABASE dk_bench_pilotage');
    await admin.close();
    const db = openPostgres(cluster.urlFor('dk_bench_pilotage'));
    try {
      await measure('PostgreSQL', db);
    } finally {
      await db.close();
      await cluster.stop();
    }
  }
  if (ONLY === 'postgresql') {
    console.log('PGlite: skipped (PILOTAGE_BENCH_DB=postgresql)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dk-bench-pglite-'));
  const db = wrapPglite(await PGlite.create(join(dir, 'data')));
  try {
    await measure('PGlite', db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
