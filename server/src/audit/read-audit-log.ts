import type { AuditEntryView, AuditPage, AuditQuery } from '../../../shared/security/audit-api';
import type { Queryable } from '../db/database';
import { type Int8, toIso, toSafeInt } from '../db/convert';

/**
 * A page of the audit log, newest first, limited to `siteIds` (null: every site and the
 * entries without one, for administrators) and narrowed by the query's filters.
 */
export async function readAuditLog(
  db: Queryable,
  query: AuditQuery,
  siteIds: readonly string[] | null,
): Promise<AuditPage> {
  const rows = await db.query<{
    id: Int8;
    at: Date;
    agent_id: string | null;
    display_name: string | null;
    device_id: string | null;
    action: AuditEntryView['action'];
    entity: string;
    entity_id: string;
    site_id: string | null;
    person_id: string | null;
    via: string;
  }>(
    `SELECT l.id, l.at, l.agent_id, a.display_name, l.device_id, l.action, l.entity, l.entity_id,
            l.site_id, l.person_id, l.via
     FROM audit_log l LEFT JOIN agents a ON a.id = l.agent_id
     WHERE ($1::text[] IS NULL OR l.site_id = ANY($1::text[]))
       AND ($2::text IS NULL OR l.site_id = $2)
       AND ($3::uuid IS NULL OR l.agent_id = $3)
       AND ($4::text IS NULL OR l.person_id = $4)
       AND ($5::text IS NULL OR l.entity = $5)
       AND ($6::text IS NULL OR l.entity_id = $6)
       AND ($7::text IS NULL OR l.action = $7)
       AND ($8::timestamptz IS NULL OR l.at >= $8)
       AND ($9::timestamptz IS NULL OR l.at < $9)
       AND ($10::bigint IS NULL OR l.id < $10)
     ORDER BY l.id DESC
     LIMIT $11`,
    [
      siteIds,
      query.siteId ?? null,
      query.agentId ?? null,
      query.personId ?? null,
      query.entity ?? null,
      query.entityId ?? null,
      query.action ?? null,
      query.from ?? null,
      query.to ?? null,
      query.before ?? null,
      query.limit + 1,
    ],
  );
  const entries = rows.slice(0, query.limit).map((row): AuditEntryView => ({
    id: toSafeInt(row.id),
    at: toIso(row.at),
    agentId: row.agent_id,
    agentName: row.display_name ?? '',
    deviceId: row.device_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    siteId: row.site_id,
    personId: row.person_id,
    via: row.via,
  }));
  const last = entries.at(-1);
  return rows.length > query.limit && last ? { entries, nextBefore: last.id } : { entries };
}
