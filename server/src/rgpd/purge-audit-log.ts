import { recordAudit } from '../audit/record-audit';
import type { Queryable } from '../db/database';

/** The entity of `retention_policies` that sets how long the audit log is kept. */
export const AUDIT_RETENTION_ENTITY = 'audit';

/**
 * Deletes the audit entries written before `cutoff`, the one DELETE the append-only triggers
 * of `audit_log` let through (migration 015): the cutoff is named in a setting local to the
 * transaction `tx`, which ends with it, and the triggers refuse any row written after it.
 * The purge itself is logged as one `purge` entry (entity `audit`, the cutoff as id), which
 * stays until its own period has passed. Returns how many entries went.
 */
export async function purgeAuditLog(
  tx: Queryable,
  input: {
    now: Date;
    cutoff: Date;
    by: { agentId: string; deviceId: string } | null;
    via: string;
  },
): Promise<number> {
  const cutoff = input.cutoff.toISOString();
  await tx.query("SELECT set_config('dk.audit_purge_before', $1, true)", [cutoff]);
  const rows = await tx.query<{ n: number }>(
    'WITH gone AS (DELETE FROM audit_log WHERE at < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone',
    [cutoff],
  );
  await tx.query("SELECT set_config('dk.audit_purge_before', '', true)");
  const purged = rows[0]?.n ?? 0;
  if (purged > 0) {
    await recordAudit(tx, input.now, [
      {
        agentId: input.by?.agentId ?? null,
        ...(input.by ? { deviceId: input.by.deviceId } : {}),
        action: 'purge',
        entity: AUDIT_RETENTION_ENTITY,
        entityId: cutoff,
        via: input.via,
      },
    ]);
  }
  return purged;
}
