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
