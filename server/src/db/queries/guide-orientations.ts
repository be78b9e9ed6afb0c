/** The `orientations` table: agents' orientations of people towards guide services. */
import type { OrientationRecord } from '../../../../shared/guide/orientation';
import type { Queryable } from '../database';

export async function orientationExists(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM orientations WHERE id = $1', [id]);
  return rows.length === 1;
}

export async function insertOrientation(tx: Queryable, record: OrientationRecord): Promise<void> {
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
