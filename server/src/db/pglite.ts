import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

/**
 * Embedded PostgreSQL (PGlite). It is one connection: PGlite queues every query, and a
 * transaction holds the connection until it ends, so concurrent requests wait their turn.
 */
export function wrapPglite(pg: PGlite): Database {
  return {
    kind: 'pglite',
    ...queryable(pg),
    transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
    close: () => pg.close(),
  };
}

/** Opens (or creates) the database in `dataDir`, or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<Database> {
  return wrapPglite(await PGlite.create(dataDir));
}

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await target.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}
