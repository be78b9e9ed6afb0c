/** The `visits` table: signed visits as the server holds them, receipt included. */
import type { VisitRecord } from '../../../../shared/schemas/visit';
import type { Queryable } from '../database';

export async function visitExists(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query<{ id: string }>('SELECT id FROM visits WHERE id = $1', [id]);
  return rows.length === 1;
}

export async function insertVisit(tx: Queryable, visit: VisitRecord): Promise<void> {
  await tx.query(
    `INSERT INTO visits (id, site_id, form_id, form_version, answers, status, device_created_at,
                         author_id, version, updated_at, receipt_number, receipt_issued_at, supersedes)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      visit.id,
      visit.siteId,
      visit.formId,
      visit.formVersion,
      JSON.stringify(visit.answers),
      visit.status,
      visit.createdAt,
      visit.authorId,
      visit.version,
      visit.updatedAt,
      visit.receipt.number,
      visit.receipt.issuedAt,
      visit.supersedes ?? null,
    ],
  );
}
