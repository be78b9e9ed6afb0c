import type { Database, Queryable } from '../db/database';
import { takeChangeSeqs, upsertChanges } from '../db/queries/sync-changes';
import { recordAudit } from '../audit/record-audit';
import { withChangeLogWriter } from '../sync/change-log';
import { AUDIT_RETENTION_ENTITY, purgeAuditLog } from './purge-audit-log';
import { expiredIdsSql, PURGE_TARGETS, type PurgeTarget, withExpired } from './purge-targets';

export interface RetentionPolicy {
  entity: string;
  retentionDays: number;
  label: string;
}

/** How many records of each entity were purged, and the policy applied. */
export interface PurgeReport {
  purgedAt: string;
  entities: Array<RetentionPolicy & { purged: number }>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function readRetentionPolicies(db: Queryable): Promise<RetentionPolicy[]> {
  const rows = await db.query<{ entity: string; retention_days: number; label: string }>(
    'SELECT entity, retention_days, label FROM retention_policies ORDER BY entity',
  );
  return rows.map((row) => ({
    entity: row.entity,
    retentionDays: row.retention_days,
    label: row.label,
  }));
}

/**
 * Deletes every record older than its retention period (`retention_policies`, counted from
 * the record's last server write), in ONE transaction holding the change log lock: the
 * records, their pull changes replaced by `delete` tombstones (new sequence values, same site),
 * so each device that held them removes them at its next pull, and one `purge` entry per
 * record in the audit log; last, the audit entries past the log's own period
 * (purge-audit-log.ts). A crash leaves everything as it was; running it again purges
 * nothing more until time passes. `by` is the administrator who asked, or null for the job.
 */
export function purgeExpired(
  db: Database,
  input: { now: Date; by: { agentId: string; deviceId: string } | null; via: string },
): Promise<PurgeReport> {
  return withChangeLogWriter(db, async (tx) => {
    const policies = new Map((await readRetentionPolicies(tx)).map((p) => [p.entity, p]));
    const report: PurgeReport = { purgedAt: input.now.toISOString(), entities: [] };
    for (const target of PURGE_TARGETS) {
      const policy = policies.get(target.entity);
      if (!policy) continue;
      const cutoff = new Date(input.now.getTime() - policy.retentionDays * DAY_MS);
      const gone = await deleteOlderThan(tx, target, cutoff);
      const seqs = await takeChangeSeqs(tx, gone.length);
      await upsertChanges(
        tx,
        gone.map((record, i) => ({
          entity: target.entity,
          entityId: record.id,
          siteId: record.siteId,
          personId: record.personId,
          seq: seqs[i]!,
          op: 'delete' as const,
          payload: undefined,
        })),
      );
      await recordAudit(
        tx,
        input.now,
        gone.map((record) => ({
          agentId: input.by?.agentId ?? null,
          deviceId: input.by?.deviceId,
          action: 'purge' as const,
          entity: target.entity,
          entityId: record.id,
          siteId: record.siteId,
          personId: record.personId,
          via: input.via,
        })),
      );
      report.entities.push({ ...policy, purged: gone.length });
    }
    const audit = policies.get(AUDIT_RETENTION_ENTITY);
    if (audit) {
      const cutoff = new Date(input.now.getTime() - audit.retentionDays * DAY_MS);
      report.entities.push({ ...audit, purged: await purgeAuditLog(tx, { ...input, cutoff }) });
    }
    return report;
  });
}

async function deleteOlderThan(
  tx: Queryable,
  target: PurgeTarget,
  cutoff: Date,
): Promise<Array<{ id: string; siteId: string; personId: string | null }>> {
  const params = [cutoff.toISOString()];
  for (const statement of target.before ?? [])
    await tx.query(withExpired(statement, target), params);
  const rows = await tx.query<{ id: string; site_id: string; person_id: string | null }>(
    `WITH gone AS (DELETE FROM ${target.table} WHERE id IN (${expiredIdsSql(target)}) RETURNING *)
     SELECT id::text AS id, ${target.siteColumn} AS site_id, to_jsonb(gone) ->> '${target.personColumn}' AS person_id
     FROM gone ORDER BY id`,
    params,
  );
  return rows.map((row) => ({ id: row.id, siteId: row.site_id, personId: row.person_id }));
}
