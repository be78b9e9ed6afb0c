import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthResponseSchema } from '../../shared/api';
import { openPostgres } from '../../server/src/db/postgres';
import { startServer } from '../../server/src/start';
import { findPostgres, type PgCluster, startPgCluster } from '../support/pg-cluster';
import { SAMPLE_VISITS } from '../../server/src/seed/demo-pilotage';
import { count } from './support/fixtures';
import { builtServerArgs } from '../support/server-process';

/** `npm start`'s code path, over real HTTP on a random port. */
let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'dk-start-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function health(url: string) {
  const response = await fetch(`${url}/api/v1/health`);
  expect(response.status).toBe(200);
  return healthResponseSchema.parse(await response.json());
}

describe('startServer on the embedded database', () => {
  it('seeds on first start, refuses a second opening of its directory, and adds nothing on restart', async () => {
    const dataDir = join(workDir, 'data');
    const logs: string[] = [];
    const options = {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      distDir: join(workDir, 'dist'),
      demo: true,
      log: (l: string) => logs.push(l),
    };
    const first = await startServer(options);
    try {
      expect(first.url).toBe(`http://127.0.0.1:${first.port}`);
      expect(await health(first.url)).toEqual({ status: 'ok', database: 'pglite' });
      expect(logs).toContain(
        'Démonstration : 12 sites, 6 agents, 13 visites, 3 personnes ajoutés.',
      );
      await expect(startServer({ ...options, log: () => undefined })).rejects.toThrow(
        /déjà ouverte/,
      );
      // And another process, as `npm start` run twice would be.
      const other = spawnSync(process.execPath, builtServerArgs(), {
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0' },
        encoding: 'utf8',
      });
      expect(other.status).toBe(1);
      expect(other.stderr).toContain(`déjà ouverte par le processus ${process.pid}`);
    } finally {
      await first.close();
    }

    const again = await startServer(options);
    try {
      expect(logs).toContain('Démonstration : 0 sites, 0 agents, 0 visites, 0 personnes ajoutés.');
      // The 13 example visits of the field agents, and the Pilotage page's statistics sample.
      expect(await count(again.db, 'visits')).toBe(13 + SAMPLE_VISITS);
    } finally {
      await again.close();
    }
  }, 120_000); // two cold starts of the embedded database: slow on a loaded 2-core machine

  it('never seeds and demo together with production', async () => {
    await expect(
      startServer({ dataDir: join(workDir, 'never'), demo: true, production: true }),
    ).rejects.toThrow(/production/);
  });
});

const pg = findPostgres();
if ('missing' in pg) console.warn(`PostgreSQL start tests skipped: ${pg.missing}`);

describe.skipIf('missing' in pg)('startServer on PostgreSQL', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    if ('missing' in pg) return;
    cluster = await startPgCluster(pg);
    const admin = openPostgres(cluster.databaseUrl);
    // One statement each: CREATE DATABASE cannot share an (implicit) transaction.
    await admin.exec('CREATE DATABASE demo');
    await admin.exec('CREATE DATABASE prod');
    await admin.close();
  });
  afterAll(() => cluster?.stop());

  it('runs the same migrations and seed on DATABASE_URL, idempotently', async () => {
    for (const expected of [13 + SAMPLE_VISITS, 13 + SAMPLE_VISITS]) {
      const server = await startServer({
        port: 0,
        databaseUrl: cluster.urlFor('demo'),
        demo: true,
        log: () => undefined,
      });
      try {
        expect(await health(server.url)).toEqual({ status: 'ok', database: 'postgresql' });
        expect(await count(server.db, 'visits')).toBe(expected);
      } finally {
        await server.close();
      }
    }
  });

  it('refuses to start in production while demo agents are there, and starts without them', async () => {
    await expect(
      startServer({ port: 0, databaseUrl: cluster.urlFor('demo'), production: true }),
    ).rejects.toThrow(/démonstration/);
    const server = await startServer({
      port: 0,
      databaseUrl: cluster.urlFor('prod'),
      production: true,
      log: () => undefined,
    });
    try {
      expect(await count(server.db, 'agents')).toBe(0);
    } finally {
      await server.close();
    }
  });
});
