import { PGlite } from '@electric-sql/pglite';
import { it } from 'vitest';
import type { Database, DatabaseKind } from '../../../server/src/db/database';
import { migrate } from '../../../server/src/db/migrate';
import { wrapPglite } from '../../../server/src/db/pglite';
import { openPostgres } from '../../../server/src/db/postgres';
import { findPostgres, type PgCluster, startPgCluster } from '../../support/pg-cluster';

/**
 * The two databases every server suite runs on: an in-memory PGlite and a throwaway
 * PostgreSQL 15 cluster (tests/support/pg-cluster.ts). Each gives fresh, migrated, empty
 * databases; `release()` closes them and stops what was started.
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
      // Migrating a new PGlite takes seconds; loading a dump of a migrated one, half a second.
      template ??= (async () => {
        const pg = await PGlite.create();
        await migrate(wrapPglite(pg));
        const dump = await pg.dumpDataDir('none');
        await pg.close();
        return dump;
      })();
      const db = wrapPglite(await PGlite.create({ loadDataDir: await template }));
      opened.push(db);
      return db;
    },
    async release() {
      await Promise.all(opened.splice(0).map((db) => db.close()));
    },
  };
}

function postgresTarget(): TestDatabase {
  const bin = findPostgres();
  let cluster: Promise<PgCluster> | undefined;
  let count = 0;
  const opened: Database[] = [];
  const target: TestDatabase = {
    name: 'PostgreSQL',
    kind: 'postgresql',
    async open() {
      if ('missing' in bin) throw new Error(bin.missing);
      cluster ??= startPgCluster(bin);
      const pg = await cluster;
      count += 1;
      const name = `dk_test_${count}`;
      const admin = openPostgres(pg.databaseUrl);
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.close();
      const db = openPostgres(pg.urlFor(name));
      await migrate(db);
      opened.push(db);
      return db;
    },
    async release() {
      await Promise.all(opened.splice(0).map((db) => db.close()));
      const started = cluster;
      cluster = undefined;
      if (started) await (await started).stop();
    },
  };
  if ('missing' in bin) {
    target.skipReason = `PostgreSQL tests skipped: ${bin.missing}`;
    console.warn(target.skipReason);
  }
  return target;
}

/** Call once per test file, at the top: each file has its own PGlite and its own cluster. */
export function testDatabases(): TestDatabase[] {
  return [pgliteTarget(), postgresTarget()];
}

/**
 * Call first in a suite's describe: true (and one skipped test carrying the reason) when the
 * database cannot run here, so the suite registers nothing else.
 */
export function skipWhenUnavailable(target: TestDatabase): boolean {
  if (!target.skipReason) return false;
  it.skip(target.skipReason, () => undefined);
  return true;
}
