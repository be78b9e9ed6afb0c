import type { Queryable } from '../db/database';
import type { RetentionPolicy } from './purge-expired';

/** Sets the retention period of one entity; undefined when the entity has no policy. */
export async function updateRetention(
  db: Queryable,
  entity: string,
  retentionDays: number,
): Promise<RetentionPolicy | undefined> {
  const rows = await db.query<{ entity: string; retention_days: number; label: string }>(
    'UPDATE retention_policies SET retention_days = $2 WHERE entity = $1 RETURNING entity, retention_days, label',
    [entity, retentionDays],
  );
  const row = rows[0];
  return row && { entity: row.entity, retentionDays: row.retention_days, label: row.label };
}
