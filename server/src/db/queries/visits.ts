/** The `visits` table: signed visits as the server holds them, receipt included. */
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

/** Several visits in one statement. */
export async function insertVisits(tx: Queryable, visits: readonly VisitRecord[]): Promise<void> {
  if (visits.length === 0) return;
  await tx.query(
    `INSERT INTO visits (id, site_id, form_id, form_version, answers, status, device_created_at,
                         author_id, version, updated_at, receipt_number, receipt_issued_at, supersedes, person_id)
     SELECT i, s, f, fv, a::jsonb, st, dc, au, v, u, rn, ri, sup, pe
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::timestamptz[],
                 $8::uuid[], $9::bigint[], $10::timestamptz[], $11::text[], $12::timestamptz[], $13::uuid[], $14::uuid[])
          AS x(i, s, f, fv, a, st, dc, au, v, u, rn, ri, sup, pe)`,
    [
      visits.map((v) => v.id),
      visits.map((v) => v.siteId),
      visits.map((v) => v.formId),
      visits.map((v) => v.formVersion),
      visits.map((v) => JSON.stringify(v.answers)),
      visits.map((v) => v.status),
      visits.map((v) => v.createdAt),
      visits.map((v) => v.authorId),
      visits.map((v) => v.version),
      visits.map((v) => v.updatedAt),
      visits.map((v) => v.receipt.number),
      visits.map((v) => v.receipt.issuedAt),
      visits.map((v) => v.supersedes ?? null),
      visits.map((v) => v.personId ?? null),
    ],
  );
}
