import pg from 'pg';
import type { Database, Queryable } from './database';

const POOL_SIZE = 10;
const IDLE_TIMEOUT_MS = 30_000; // 30 s

/** PostgreSQL 15+ through a pg pool; each transaction checks out one client. */
export function openPostgres(connectionString: string): Database {
  const pool = new pg.Pool({
    connectionString,
    max: POOL_SIZE,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) =>
    console.error('PostgreSQL : connexion inactive perdue', error.message),
  );
  return {
    kind: 'postgresql',
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // A connection lost mid-transaction is also emitted as an event, which would crash the
      // process without a listener; the failed query already reports it to the caller.
      const onLost = () => {};
      client.on('error', onLost);
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        client.off('error', onLost);
        client.release();
        return result;
      } catch (error) {
        // A client whose ROLLBACK fails is broken: destroy it rather than return it to the pool.
        const rollbackError = await client.query('ROLLBACK').then(
          () => undefined,
          (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
        );
        client.off('error', onLost);
        client.release(rollbackError);
        throw error;
      }
    },
    close: () => pool.end(),
  };
}

function queryable(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await target.query<T & pg.QueryResultRow>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  };
}
