/** The `applied_mutations` journal: every mutation processed by a push, with its answer. */
import type { Queryable } from '../database';

export interface AppliedMutation {
  mutationId: string;
  deviceId: string;
  agentId: string;
  entity: string;
  entityId: string;
  /** The MutationResult given the first time, as sent. */
  result: unknown;
  appliedAt: string;
}

/** Stored results of those of `mutationIds` already processed, with who sent them, by mutation id. */
export async function findAppliedResults(
  tx: Queryable,
  mutationIds: readonly string[],
): Promise<Map<string, { agentId: string; result: unknown }>> {
  const rows = await tx.query<{ mutation_id: string; agent_id: string; result: unknown }>(
    'SELECT mutation_id, agent_id, result FROM applied_mutations WHERE mutation_id = ANY($1::uuid[])',
    [mutationIds],
  );
  return new Map(
    rows.map((row) => [row.mutation_id, { agentId: row.agent_id, result: row.result }]),
  );
}

/**
 * One statement for the whole batch, sent as one JSON array; a mutation id present already is
 * a bug, so it throws.
 */
export async function insertAppliedMutations(
  tx: Queryable,
  rows: readonly AppliedMutation[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO applied_mutations (mutation_id, device_id, agent_id, entity, entity_id, result, applied_at)
     SELECT "mutationId", "deviceId", "agentId", entity, "entityId", result, "appliedAt"
     FROM jsonb_to_recordset($1::jsonb)
          AS x("mutationId" uuid, "deviceId" uuid, "agentId" uuid, entity text, "entityId" uuid,
               result jsonb, "appliedAt" timestamptz)`,
    [JSON.stringify(rows)],
  );
}
