/** The `avis` table: anonymous "Mon avis" answers (migration 006). */
import type { AvisData } from '../../../../shared/avis/avis';
import type { Queryable } from '../database';

/** Which of `ids` the server holds already. */
export async function existingAvisIds(tx: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    'SELECT id::text AS id FROM avis WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Set(rows.map((row) => row.id));
}

/** One multi-row insert: the month is stored as its first day. */
export async function insertAvis(tx: Queryable, records: readonly AvisData[]): Promise<void> {
  if (records.length === 0) return;
  await tx.query(
    `INSERT INTO avis (id, site_id, month, answers)
     SELECT r.id, r.site_id, (r.month || '-01')::date, r.answers
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, site_id text, month text, answers jsonb)`,
    [
      JSON.stringify(
        records.map((r) => ({ id: r.id, site_id: r.siteId, month: r.month, answers: r.answers })),
      ),
    ],
  );
}

/**
 * Rewrites every answer of these sites and months in the current transaction, in the order of
 * their random ids: afterwards no answer's `xmin` is the transaction of the push that brought
 * it, and the table's physical order no longer follows the order of arrival.
 */
export async function unlinkAvis(
  tx: Queryable,
  siteMonths: readonly { siteId: string; month: string }[],
): Promise<void> {
  if (siteMonths.length === 0) return;
  await tx.query(
    `WITH moved AS (
       DELETE FROM avis a
        USING jsonb_to_recordset($1::jsonb) AS r(site_id text, month text)
        WHERE a.site_id = r.site_id AND a.month = (r.month || '-01')::date
       RETURNING a.id, a.site_id, a.month, a.answers)
     INSERT INTO avis (id, site_id, month, answers)
     SELECT id, site_id, month, answers FROM moved ORDER BY id`,
    [JSON.stringify(siteMonths.map((s) => ({ site_id: s.siteId, month: s.month })))],
  );
}
