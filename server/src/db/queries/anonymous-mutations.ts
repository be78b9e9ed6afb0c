/**
 * The `anonymous_mutations` journal (migration 010): the results given to mutations that must
 * not be linked to who sent them, by a hash of the mutation id, with nothing else.
 */
import type { Queryable } from '../database';

export interface AnonymousResult {
  key: string;
  /** The MutationResult given the first time, without its mutation id. */
  result: unknown;
}

/** Stored results of those of `keys` already processed, by key. */
export async function findAnonymousResults(
  tx: Queryable,
  keys: readonly string[],
): Promise<Map<string, unknown>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.query<{ key: string; result: unknown }>(
    'SELECT key, result FROM anonymous_mutations WHERE key = ANY($1::text[])',
    [keys],
  );
  return new Map(rows.map((row) => [row.key, row.result]));
}

/** One statement for the whole batch; a key present already is a bug, so it throws. */
export async function insertAnonymousResults(
  tx: Queryable,
  rows: readonly AnonymousResult[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO anonymous_mutations (key, result)
     SELECT k, r::jsonb FROM unnest($1::text[], $2::text[]) AS x(k, r)`,
    [rows.map((r) => r.key), rows.map((r) => JSON.stringify(r.result))],
  );
}
