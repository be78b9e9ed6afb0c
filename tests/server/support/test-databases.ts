import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { inject, it } from 'vitest';
import type { Database, DatabaseKind } from '../../../server/src/db/database';
import { migrate } from '../../../server/src/db/migrate';
import { wrapPglite } from '../../../server/src/db/pglite';
import { openPostgres } from '../../../server/src/db/postgres';
import { clusterUrl } from '../../support/pg-cluster';
import { TEMPLATE_DATABASE } from './postgres.setup';

const MIGRATIONS_DIR = fileURLToPath(
  new URL('../../../server/src/db/migrations/', import.meta.url),
);
const CACHE_DIR = fileURLToPath(
  new URL('../../../node_modules/.cache/dernier-km-server-tests/', import.meta.url),
);

/**
 * The two databases every server suite runs on: an in-memory PGlite and the run's throwaway
 * PostgreSQL 15 cluster (postgres.setup.ts). Each gives fresh, migrated, empty databases;
 * `release()` closes and drops them.
 */
export interface TestDatabase {
  name: string;
  kind: DatabaseKind;
  /** Why this database cannot run here; the suite is then skipped, never silently. */
  skipReason?: string;
  open(): Promise<Database>;
  release(): Promise<void>;
}

function pgliteTarget(): TestDatabase {
  let template: Promise<Blob> | undefined;
  const opened: Database[] = [];
  return {
    name: 'PGlite',
    kind: 'pglite',
    async open() {
      template ??= migratedPgliteTemplate();
      const db = wrapPglite(await PGlite.create({ loadDataDir: await template }));
      opened.push(db);
      return db;
    },
    async release() {
      await Promise.all(opened.splice(0).map((db) => db.close()));
    },
  };
}

/**
 * A dump of a freshly migrated PGlite. Creating and migrating one takes about 3 s, loading a
 * dump half a second, so the dump is cached on disk, keyed by the migrations' content.
 */
async function migratedPgliteTemplate(): Promise<Blob> {
  const migrations = readdirSync(MIGRATIONS_DIR).sort();
  const hash = createHash('sha256');
  for (const name of migrations) hash.update(name).update(readFileSync(join(MIGRATIONS_DIR, name)));
  const file = join(CACHE_DIR, `pglite-${hash.digest('hex').slice(0, 16)}.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);

  const pg = await PGlite.create();
  await migrate(wrapPglite(pg));
  const dump = await pg.dumpDataDir('gzip');
  await pg.close();
  mkdirSync(CACHE_DIR, { recursive: true });
  // Written aside then renamed, so a file running in parallel never reads half a dump.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}

function postgresTarget(): TestDatabase {
  const cluster = inject('postgres');
  const connect = (database: string) => {
    if ('missing' in cluster) throw new Error(cluster.missing);
    return openPostgres(clusterUrl(cluster.socketDir, database));
  };
  let count = 0;
  const opened: Array<{ db: Database; name: string }> = [];
  const target: TestDatabase = {
    name: 'PostgreSQL',
    kind: 'postgresql',
    async open() {
      count += 1;
      // Unique in the cluster that the files running side by side share.
      const name = `dk_test_${process.pid}_${count}`;
      const admin = connect('postgres');
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
      await admin.close();
      const db = connect(name);
      opened.push({ db, name });
      return db;
    },
    async release() {
      const databases = opened.splice(0);
      if (databases.length === 0) return;
      await Promise.all(databases.map(({ db }) => db.close()));
      const admin = connect('postgres');
      for (const { name } of databases) await admin.query(`DROP DATABASE ${name}`);
      await admin.close();
    },
  };
  if ('missing' in cluster) {
    target.skipReason = `PostgreSQL tests skipped: ${cluster.missing}`;
    console.warn(target.skipReason);
  }
  return target;
}

/** Call once per test file, at the top: each file has its own PGlite and its own databases. */
export function testDatabases(): TestDatabase[] {
  return [pgliteTarget(), postgresTarget()];
}

/**
 * Call first in a suite's describe: true (and one skipped test carrying the reason) when the
 * database cannot run here, so the suite registers nothing else.
 */
export function skipWhenUnavailable(target: TestDatabase): boolean {
  if (!target.skipReason) return false;
  // The one allowed skip (DEVELOPERS.md): PostgreSQL binaries absent here; the test's name is
  // the printed reason, so the report says why the variant did not run.
  it.skip(target.skipReason, () => undefined);
  return true;
}
