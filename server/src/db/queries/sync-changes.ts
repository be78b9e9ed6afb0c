/** The `sync_changes` log that pull serves, and the `change_seq` sequence that orders it. */
import type { Queryable } from '../database';
import { type Int8, toSafeInt } from '../convert';

export interface ChangeRow {
  entity: string;
  entityId: string;
  /** Null: visible to every agent (sites, later forms and the service guide). */
  siteId: string | null;
  seq: number;
  op: 'put' | 'delete';
  /** The record as pulled; undefined for a delete. */
  payload: unknown;
}

/**
 * Takes the next value of the global change sequence. Only call it while holding the change
 * log writer lock (sync/change-log.ts), so values commit in the order they are taken.
 */
export async function nextChangeSeq(tx: Queryable): Promise<number> {
  const rows = await tx.query<{ seq: Int8 }>("SELECT nextval('change_seq') AS seq");
  return toSafeInt(rows[0]!.seq);
}

/** `count` values of the change sequence, in order, in one round trip (same lock rule). */
export async function takeChangeSeqs(tx: Queryable, count: number): Promise<number[]> {
  const rows = await tx.query<{ seq: Int8 }>(
    "SELECT nextval('change_seq') AS seq FROM generate_series(1, $1)",
    [count],
  );
  return rows.map((row) => toSafeInt(row.seq)).sort((a, b) => a - b);
}

/** Several changes in one statement; each record must appear at most once in `changes`. */
export async function upsertChanges(tx: Queryable, changes: readonly ChangeRow[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO sync_changes (entity, entity_id, site_id, seq, op, payload)
     SELECT e, i, s, q, o, p::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[]) AS x(e, i, s, q, o, p)
     ON CONFLICT (entity, entity_id)
     DO UPDATE SET site_id = excluded.site_id, seq = excluded.seq, op = excluded.op, payload = excluded.payload`,
    [
      changes.map((c) => c.entity),
      changes.map((c) => c.entityId),
      changes.map((c) => c.siteId),
      changes.map((c) => c.seq),
      changes.map((c) => c.op),
      changes.map((c) => (c.payload === undefined ? null : JSON.stringify(c.payload))),
    ],
  );
}

/** A record appears once in the log, with its latest state and the latest sequence value. */
export async function upsertChange(tx: Queryable, change: ChangeRow): Promise<void> {
  await tx.query(
    `INSERT INTO sync_changes (entity, entity_id, site_id, seq, op, payload)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (entity, entity_id)
     DO UPDATE SET site_id = excluded.site_id, seq = excluded.seq, op = excluded.op, payload = excluded.payload`,
    [
      change.entity,
      change.entityId,
      change.siteId,
      change.seq,
      change.op,
      change.payload === undefined ? null : JSON.stringify(change.payload),
    ],
  );
}

/** Up to `limit` changes after `afterSeq`, global or of one of `siteIds`, in sequence order. */
export async function selectChangesAfter(
  db: Queryable,
  afterSeq: number,
  siteIds: readonly string[],
  limit: number,
): Promise<ChangeRow[]> {
  const rows = await db.query<{
    entity: string;
    entity_id: string;
    site_id: string | null;
    seq: Int8;
    op: 'put' | 'delete';
    payload: unknown;
  }>(
    `SELECT entity, entity_id, site_id, seq, op, payload FROM sync_changes
     WHERE seq > $1 AND (site_id IS NULL OR site_id = ANY($2::text[]))
     ORDER BY seq
     LIMIT $3`,
    [afterSeq, siteIds, limit],
  );
  return rows.map((row) => ({
    entity: row.entity,
    entityId: row.entity_id,
    siteId: row.site_id,
    seq: toSafeInt(row.seq),
    op: row.op,
    payload: row.payload,
  }));
}
