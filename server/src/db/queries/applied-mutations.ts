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
 * One statement per sender and time (a push batch has one): the device, the agent and the time
 * sent once, the mutations as one JSON array. A mutation id present already is a bug, so it
 * throws.
 */
export async function insertAppliedMutations(
  tx: Queryable,
  rows: readonly AppliedMutation[],
): Promise<void> {
  const bySender = new Map<string, AppliedMutation[]>();
  for (const row of rows) {
    const key = `${row.deviceId} ${row.agentId} ${row.appliedAt}`;
    const group = bySender.get(key);
    if (group) group.push(row);
    else bySender.set(key, [row]);
  }
  for (const group of bySender.values()) {
    const { deviceId, agentId, appliedAt } = group[0]!;
    await tx.query(
      `INSERT INTO applied_mutations (mutation_id, device_id, agent_id, entity, entity_id, result, applied_at)
       SELECT "mutationId", $1::uuid, $2::uuid, entity, "entityId", result, $3::timestamptz
       FROM jsonb_to_recordset($4::jsonb)
            AS x("mutationId" uuid, entity text, "entityId" uuid, result jsonb)`,
      [
        deviceId,
        agentId,
        appliedAt,
        JSON.stringify(
          group.map(({ mutationId, entity, entityId, result }) => ({
            mutationId,
            entity,
            entityId,
            result,
          })),
        ),
      ],
    );
  }
}
