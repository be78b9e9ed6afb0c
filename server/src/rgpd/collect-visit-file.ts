import type { Queryable } from '../db/database';

/** Everything the server holds about one subject: rows by table, as stored. */
export interface HeldFile {
  /** The site the subject belongs to, for the access check. */
  siteId: string;
  tables: Record<string, Array<Record<string, unknown>>>;
}

/**
 * Everything held about the person of one visit, while visits do not name a person record:
 * the visit with its whole correction chain (the visits it replaces and those replacing it),
 * the orientations made from them, and the audit entries about all of these (who read and
 * wrote them: the recipients the RGPD right of access covers). Undefined when no such visit.
 */
export async function collectVisitFile(
  db: Queryable,
  visitId: string,
): Promise<HeldFile | undefined> {
  const visits = await db.query<{ row: Record<string, unknown> & { id: string; site_id: string } }>(
    `WITH RECURSIVE chain(id) AS (
       SELECT id FROM visits WHERE id = $1
       UNION
       SELECT v.id FROM visits v JOIN chain c ON v.supersedes = c.id OR v.id = (SELECT supersedes FROM visits WHERE id = c.id)
     )
     SELECT to_jsonb(v) AS row FROM visits v WHERE v.id IN (SELECT id FROM chain) ORDER BY v.version`,
    [visitId],
  );
  const first = visits.find((v) => v.row.id === visitId);
  if (!first) return undefined;
  const ids = visits.map((v) => v.row.id);
  const orientations = await db.query<{ row: Record<string, unknown> & { id: string } }>(
    'SELECT to_jsonb(o) AS row FROM orientations o WHERE visit_id = ANY($1::uuid[]) ORDER BY version',
    [ids],
  );
  const audited = [...ids, ...orientations.map((o) => o.row.id)];
  const audit = await db.query<{ row: Record<string, unknown> }>(
    `SELECT to_jsonb(l) || jsonb_build_object('agent_name', a.display_name) AS row
     FROM audit_log l LEFT JOIN agents a ON a.id = l.agent_id
     WHERE l.entity_id = ANY($1::text[]) ORDER BY l.id`,
    [audited],
  );
  return {
    siteId: first.row.site_id,
    tables: {
      visits: visits.map((v) => v.row),
      orientations: orientations.map((o) => o.row),
      audit_log: audit.map((a) => a.row),
    },
  };
}
