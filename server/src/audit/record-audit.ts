import type { Queryable } from '../db/database';

export type AuditAction = 'read' | 'write' | 'export' | 'rectify' | 'purge';

/** One access to one record about a person. */
export interface AuditEntry {
  /** Null for the server itself (the retention purge run as a job). */
  agentId: string | null;
  deviceId?: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  siteId?: string | null;
  personId?: string | null;
  /** 'pull', 'push', 'purge', or the route: 'GET /api/v1/rgpd/…'. */
  via: string;
}

/**
 * Appends entries to the audit log (`audit_log`, append-only in the database: migration 005),
 * in one statement whatever their number, so a pull of 500 records costs one insert. Call it
 * with the transaction of the access when there is one, so the entry and the access commit
 * together; for a read, call it before the data is sent, so nothing leaves unrecorded.
 * Accepted pushes are logged by the database itself (trigger on `applied_mutations`).
 */
export async function recordAudit(
  db: Queryable,
  at: Date,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO audit_log (at, agent_id, device_id, action, entity, entity_id, site_id, person_id, via)
     SELECT $1, a, d, ac, e, i, s, p, v
     FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
          AS x(a, d, ac, e, i, s, p, v)`,
    [
      at.toISOString(),
      entries.map((e) => e.agentId),
      entries.map((e) => e.deviceId ?? null),
      entries.map((e) => e.action),
      entries.map((e) => e.entity),
      entries.map((e) => e.entityId),
      entries.map((e) => e.siteId ?? null),
      entries.map((e) => e.personId ?? null),
      entries.map((e) => e.via),
    ],
  );
}
