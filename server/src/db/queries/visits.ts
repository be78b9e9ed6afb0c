/** The `visits` table: signed visits as the server holds them, receipt included. */
import { ENTITY } from '../../../../shared/entities';
import type { VisitRecord } from '../../../../shared/schemas/visit';
import type { Queryable } from '../database';

/** Which of `ids` the server holds already. */
export async function existingVisitIds(
  tx: Queryable,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    'SELECT id::text AS id FROM visits WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Set(rows.map((row) => row.id));
}

/** The site of a stored visit, if the server holds it. */
export async function siteOfVisit(tx: Queryable, id: string): Promise<string | undefined> {
  const rows = await tx.query<{ site_id: string }>('SELECT site_id FROM visits WHERE id = $1', [
    id,
  ]);
  return rows[0]?.site_id;
}

/**
 * New visits and their pull changes (`sync_changes`, the record as payload) in one statement.
 * The batch goes as one JSON array, parsed once by PostgreSQL: the visit row takes its fields
 * from each element, and the element itself is the payload. The upsert keeps the log's rule
 * that a record appears once (a purged visit leaves its `delete` there).
 */
export async function insertVisitsWithChanges(
  tx: Queryable,
  visits: readonly VisitRecord[],
): Promise<void> {
  if (visits.length === 0) return;
  await tx.query(
    `WITH batch AS MATERIALIZED (SELECT r FROM jsonb_array_elements($1::jsonb) AS x(r)),
     stored AS (
       INSERT INTO visits (id, site_id, form_id, form_version, answers, status, device_created_at,
                           author_id, version, updated_at, receipt_number, receipt_issued_at,
                           supersedes, person_id)
       SELECT (r->>'id')::uuid, r->>'siteId', r->>'formId', (r->>'formVersion')::int,
              r->'answers', r->>'status', (r->>'createdAt')::timestamptz,
              (r->>'authorId')::uuid, (r->>'version')::bigint, (r->>'updatedAt')::timestamptz,
              r->'receipt'->>'number', (r->'receipt'->>'issuedAt')::timestamptz,
              (r->>'supersedes')::uuid, (r->>'personId')::uuid
       FROM batch
     )
     INSERT INTO sync_changes (entity, entity_id, site_id, seq, op, payload, person_id)
     SELECT $2, r->>'id', r->>'siteId', (r->>'version')::bigint, 'put', r, (r->>'personId')::uuid
     FROM batch
     ON CONFLICT (entity, entity_id)
     DO UPDATE SET site_id = excluded.site_id, seq = excluded.seq, op = excluded.op,
                   payload = excluded.payload, person_id = excluded.person_id`,
    [JSON.stringify(visits), ENTITY.visit],
  );
}
