/** The `orientations` table: agents' orientations of people towards guide services. */
import type { OrientationRecord } from '../../../../shared/guide/orientation';
import type { Queryable } from '../database';

/** Which of `ids` the server holds already. */
export async function existingOrientationIds(
  tx: Queryable,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    'SELECT id::text AS id FROM orientations WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Set(rows.map((row) => row.id));
}

/** Orientations are few per batch: one statement each keeps this simple. */
export async function insertOrientations(
  tx: Queryable,
  records: readonly OrientationRecord[],
): Promise<void> {
  for (const record of records) await insertOrientation(tx, record);
}

async function insertOrientation(tx: Queryable, record: OrientationRecord): Promise<void> {
  await tx.query(
    `INSERT INTO orientations (id, site_id, service_id, service_name, visit_id, note, device_created_at,
                               author_id, version, updated_at, receipt_number, receipt_issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      record.id,
      record.siteId,
      record.serviceId,
      record.serviceName,
      record.visitId ?? null,
      record.note ?? null,
      record.createdAt,
      record.authorId,
      record.version,
      record.updatedAt,
      record.receipt.number,
      record.receipt.issuedAt,
    ],
  );
}
