/**
 * The one small interface the server talks to, so the same code runs on an embedded PGlite
 * (a single connection in this process) and on a PostgreSQL server through a pool.
 */
export type DatabaseKind = 'pglite' | 'postgresql';

export interface Queryable {
  /** One statement with `$1…` parameters; rows as the driver parses them (see convert.ts). */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters, e.g. a migration file. */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Runs `fn` in one transaction on one connection: committed when `fn` resolves, rolled
   * back when it throws (the error is rethrown). Nothing is retried here.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
