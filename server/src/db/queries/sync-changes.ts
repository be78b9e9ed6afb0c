/** The `sync_changes` log that pull serves, and the `change_seq` sequence that orders it. */
import type { Queryable } from '../database';
import { type Int8, toSafeInt } from '../convert';

export interface ChangeRow {
  entity: string;
  entityId: string;
  /** Null: visible to every agent (sites, later forms and the service guide). */
  siteId: string | null;
  /** The person the record is about (issue 8): also pulled by the agents whose scope holds them. */
  personId?: string | null;
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
    `INSERT INTO sync_changes (entity, entity_id, site_id, seq, op, payload, person_id)
     SELECT e, i, s, q, o, p::jsonb, pe
     FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::uuid[])
          AS x(e, i, s, q, o, p, pe)
     ON CONFLICT (entity, entity_id)
     DO UPDATE SET site_id = excluded.site_id, seq = excluded.seq, op = excluded.op,
                   payload = excluded.payload, person_id = excluded.person_id`,
    [
      changes.map((c) => c.entity),
      changes.map((c) => c.entityId),
      changes.map((c) => c.siteId),
      changes.map((c) => c.seq),
      changes.map((c) => c.op),
      changes.map((c) => (c.payload === undefined ? null : JSON.stringify(c.payload))),
      changes.map((c) => c.personId ?? null),
    ],
  );
}

/** A record appears once in the log, with its latest state and the latest sequence value. */
export async function upsertChange(tx: Queryable, change: ChangeRow): Promise<void> {
  await tx.query(
    `INSERT INTO sync_changes (entity, entity_id, site_id, seq, op, payload, person_id)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
     ON CONFLICT (entity, entity_id)
     DO UPDATE SET site_id = excluded.site_id, seq = excluded.seq, op = excluded.op,
                   payload = excluded.payload, person_id = excluded.person_id`,
    [
      change.entity,
      change.entityId,
      change.siteId,
      change.seq,
      change.op,
      change.payload === undefined ? null : JSON.stringify(change.payload),
      change.personId ?? null,
    ],
  );
}
