import {
  type Mutation,
  type MutationResult,
  mutationResultSchema,
} from '../../../shared/sync/protocol-v1';
import type { Agent } from '../../../shared/schemas/agent';
import type { Database, Queryable } from '../db/database';
import {
  type AppliedMutation,
  findAppliedResults,
  insertAppliedMutations,
} from '../db/queries/applied-mutations';
import { withChangeLogWriter } from './change-log';
import { entityRegistry } from './entity-registry';
import { type MutationOutcome, type PushContext, reject } from './outcome';

export interface PushInput {
  agent: Agent;
  deviceId: string;
  mutations: readonly Mutation[];
  now: Date;
}

/**
 * Applies a push batch and answers one result per mutation, in request order.
 *
 * The batch is ONE transaction (holding the change log lock): if the server dies before the
 * commit nothing of it is kept, and the device sends the same batch again. Each mutation runs
 * in a savepoint, so a rejected one rolls back only itself. Every processed mutation, accepted
 * or not, is journalled in `applied_mutations` in that same transaction; a mutation id found
 * there answers its stored result (an acceptance as `duplicate`, with the same version and
 * receipt) and changes nothing. So retries are safe: exactly-once effect, at-least-once delivery.
 *
 * Database errors that come from the data (constraint, invalid value) reject that mutation
 * alone; any other error fails the whole batch (HTTP 500), and the device retries it unchanged.
 */
export function applyPush(db: Database, input: PushInput): Promise<MutationResult[]> {
  return withChangeLogWriter(db, async (tx) => {
    const ctx: PushContext = { tx, agent: input.agent, deviceId: input.deviceId, now: input.now };
    const stored = await findAppliedResults(
      tx,
      input.mutations.map((m) => m.id),
    );
    const answered = new Map<string, MutationResult>();
    const journal: AppliedMutation[] = [];
    const results: MutationResult[] = [];
    for (const mutation of input.mutations) {
      const earlier = answered.get(mutation.id) ?? parseStored(stored.get(mutation.id));
      if (earlier) {
        results.push(earlier.status === 'accepted' ? { ...earlier, status: 'duplicate' } : earlier);
        continue;
      }
      const result: MutationResult = { id: mutation.id, ...(await applyOne(ctx, mutation)) };
      answered.set(mutation.id, result);
      journal.push(journalRow(input, mutation, result));
      results.push(result);
    }
    await insertAppliedMutations(tx, journal);
    return results;
  });
}

async function applyOne(ctx: PushContext, mutation: Mutation): Promise<MutationOutcome> {
  const handlers = entityRegistry.get(mutation.entity);
  if (!handlers) return reject('unknown_entity', { entity: mutation.entity });
  const handler = handlers[mutation.op];
  if (!handler) return reject('unsupported_op', { entity: mutation.entity, op: mutation.op });

  await ctx.tx.exec('SAVEPOINT mutation');
  try {
    const outcome = await handler(ctx, mutation);
    if (outcome.status === 'accepted') await ctx.tx.exec('RELEASE SAVEPOINT mutation');
    else await undoMutation(ctx.tx);
    return outcome;
  } catch (error) {
    await undoMutation(ctx.tx);
    const sqlState = dataErrorState(error);
    if (sqlState) return reject('invalid_record', { sqlState });
    throw error;
  }
}

async function undoMutation(tx: Queryable): Promise<void> {
  await tx.exec('ROLLBACK TO SAVEPOINT mutation; RELEASE SAVEPOINT mutation');
}

/** The SQLSTATE of a data exception (class 22) or a constraint violation (class 23). */
function dataErrorState(error: unknown): string | undefined {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && /^2[23]/.test(code) ? code : undefined;
}

function parseStored(result: unknown): MutationResult | undefined {
  return result === undefined ? undefined : mutationResultSchema.parse(result);
}

function journalRow(input: PushInput, mutation: Mutation, result: MutationResult): AppliedMutation {
  return {
    mutationId: mutation.id,
    deviceId: input.deviceId,
    agentId: input.agent.id,
    entity: mutation.entity,
    entityId: mutation.entityId,
    result,
    appliedAt: input.now.toISOString(),
  };
}
