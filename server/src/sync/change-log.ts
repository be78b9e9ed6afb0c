import type { Database, Queryable } from '../db/database';

/**
 * Advisory lock key held by every transaction that writes to the change log (`sync_changes`).
 * PostgreSQL hands out sequence values when asked but transactions commit in any order, so
 * without it a pull at cursor 105 could miss a change 104 committed a moment later. Holding
 * this lock from before the first `nextval` until commit makes commit order sequence order.
 * A département's write rate is far below what one writer at a time can take.
 */
const CHANGE_LOG_LOCK_KEY = 4_100_001;

/**
 * Runs `fn` in one transaction that holds the change log writer lock until it commits or
 * rolls back. If the process dies before the commit, nothing of `fn` is kept.
 */
export function withChangeLogWriter<T>(
  db: Database,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOG_LOCK_KEY]);
    return fn(tx);
  });
}
