import {
  type Mutation,
  type MutationResult,
  mutationResultSchema,
} from '../../../shared/sync/protocol-v1';
import type { Agent } from '../../../shared/schemas/agent';
import type { Database, Queryable } from '../db/database';
import type { AppliedMutation } from '../db/queries/applied-mutations';
import { withChangeLogWriter } from './change-log';
import { entityRegistry } from './entity-registry';
import { findJournalled, insertJournal, unlinkAnonymous } from './journal';
import { type MutationOutcome, reject } from './outcome';
import { createPushContext, type PushMode } from './push-context';

export interface PushInput {
  agent: Agent;
  deviceId: string;
  mutations: readonly Mutation[];
  now: Date;
  /** Where a handler's own failure is reported for the operators (the device gets a code). */
  log?: (line: string) => void;
}

/**
 * Applies a push batch and answers one result per mutation, in request order.
 *
 * The batch is ONE transaction (holding the change log lock): if the server dies before the
 * commit nothing of it is kept, and the device sends the same batch again. Every processed
 * mutation, accepted or not, is journalled in `applied_mutations` in that same transaction; a
 * mutation id found there answers its stored result (an acceptance as `duplicate`, with the
 * same version and receipt) and changes nothing. So retries are safe: exactly-once effect,
 * at-least-once delivery. Mutations of an anonymous entity ("Mon avis") are journalled
 * without device, agent nor record, and rewritten after the commit (sync/journal.ts).
 *
 * First in `fast` mode: handlers decide, their writes are flushed in bulk, a few multi-row
 * statements per part of the batch (see FIRST_WRITE), each part's journal after its records.
 * If a flush hits a data error (constraint, invalid value), the transaction is rolled back and
 * the batch is applied again in `careful` mode, one savepoint per mutation, where such an
 * error rejects its mutation alone (`invalid_record`).
 *
 * An error thrown by a handler itself (a bug, not the database) rejects its mutation alone as
 * `internal_record_error`, in either mode: resending it would fail the same way forever. An
 * error out of the database that is not a data error (connection lost, server down) fails the
 * whole batch (HTTP 500), and the device retries it unchanged. Which is which is known by
 * where the error came from (every query goes through `watched`), never guessed from its text.
 */
export async function applyPush(db: Database, input: PushInput): Promise<MutationResult[]> {
  const pipelined = db.kind === 'postgresql';
  const results = await applyInOneTransaction(db, input, pipelined);
  await unlinkAnonymous(db, input.mutations, results);
  return results;
}

async function applyInOneTransaction(
  db: Database,
  input: PushInput,
  pipelined: boolean,
): Promise<MutationResult[]> {
  try {
    return await withChangeLogWriter(db, (tx) => applyBatch(tx, input, 'fast', pipelined));
  } catch (error) {
    if (!dataErrorState(error)) throw error;
    return withChangeLogWriter(db, (tx) => applyBatch(tx, input, 'careful', pipelined));
  }
}

/**
 * In fast mode on a PostgreSQL server, the writes and the journal of the first `FIRST_WRITE`
 * mutations go to the database as soon as they are decided, without waiting: the server stores
 * them while this process decides the rest, so the two halves of the work overlap on two
 * cores. The rest is written in one go at the end: deciding is about three times faster than
 * storing, so the database has not finished the first part when the rest is ready, and each
 * write statement has a fixed cost (the day-table and audit triggers run once per statement)
 * that more, smaller parts would pay again. Queries still run one after another on the
 * batch's connection, in the order sent. PGlite runs on this thread, so there is nothing to
 * overlap: it writes once, at the end.
 */
const FIRST_WRITE = 100; // mutations
/** How often deciding lets the event loop read the database's answers and send what waits. */
const YIELD_EVERY = 20; // mutations

async function applyBatch(
  database: Queryable,
  input: PushInput,
  mode: PushMode,
  pipelined: boolean,
): Promise<MutationResult[]> {
  const tx = watched(database);
  const stored = await findJournalled(tx, input.mutations);
  const fresh = input.mutations.filter((m) => !stored.has(m.id));
  const ctx = createPushContext({
    tx,
    agent: input.agent,
    deviceId: input.deviceId,
    now: input.now,
    mode,
    expected: fresh.length,
    existing: await existingByEntity(tx, fresh),
    persons: fresh.flatMap((m) => entityRegistry.get(m.entity)?.personOf?.(m) ?? []),
  });
  const answered = new Map<string, MutationResult>();
  const journal: AppliedMutation[] = [];

  const answer = async (mutation: Mutation): Promise<MutationResult> => {
    const seen = stored.get(mutation.id);
    // Another agent's mutation id: its answer and receipt are not this agent's to read.
    if (seen?.agentId !== undefined && seen.agentId !== input.agent.id)
      return { id: mutation.id, ...reject('mutation_id_taken') };
    const earlier = answered.get(mutation.id) ?? parseStored(mutation.id, seen?.result);
    if (earlier)
      return earlier.status === 'accepted' ? { ...earlier, status: 'duplicate' } : earlier;
    const outcome =
      mode === 'fast'
        ? await decideOrRefuse(ctx, mutation, input.log)
        : await applyCarefully(ctx, mutation, input.log);
    if (outcome.status === 'accepted') ctx.accepted(mutation.entity, mutation.entityId);
    if (!entityRegistry.get(mutation.entity)?.keepsScope) ctx.scopeMayHaveChanged();
    const result: MutationResult = { id: mutation.id, ...outcome };
    answered.set(mutation.id, result);
    journal.push(journalRow(input, mutation, result));
    return result;
  };
  // The journal of the mutations decided so far, written after their records: the audit
  // trigger on `applied_mutations` reads their pull changes.
  const writeDecided = () => {
    const rows = journal.splice(0);
    ctx.flush((tx) => insertJournal(tx, rows));
  };

  const results: MutationResult[] = [];
  try {
    for (const [index, mutation] of input.mutations.entries()) {
      results.push(await answer(mutation));
      if (pipelined && mode === 'fast' && index + 1 === FIRST_WRITE) writeDecided();
      if (pipelined && (index + 1) % YIELD_EVERY === 0) await yieldToEventLoop();
    }
    writeDecided();
    await ctx.settle();
  } catch (error) {
    // A write that failed in the background makes every later query fail: report the first.
    await ctx.settle();
    throw error;
  }
  return results;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Ids of the batch's records the server already holds, one query per entity. */
async function existingByEntity(
  tx: Queryable,
  mutations: readonly Mutation[],
): Promise<Map<string, Set<string>>> {
  const idsByEntity = new Map<string, string[]>();
  for (const m of mutations)
    idsByEntity.set(m.entity, [...(idsByEntity.get(m.entity) ?? []), m.entityId]);
  const existing = new Map<string, Set<string>>();
  for (const [entity, ids] of idsByEntity) {
    const lookup = entityRegistry.get(entity)?.existing;
    if (lookup) existing.set(entity, await lookup(tx, ids));
  }
  return existing;
}

function decide(ctx: BatchContext, mutation: Mutation): Promise<MutationOutcome> {
  const handlers = entityRegistry.get(mutation.entity);
  if (!handlers) return Promise.resolve(reject('unknown_entity', { entity: mutation.entity }));
  const handler = handlers[mutation.op];
  if (!handler)
    return Promise.resolve(reject('unsupported_op', { entity: mutation.entity, op: mutation.op }));
  return handler(ctx, mutation);
}

type BatchContext = ReturnType<typeof createPushContext>;

/** Fast mode: a handler's own error drops what it queued and rejects its mutation alone. */
async function decideOrRefuse(
  ctx: BatchContext,
  mutation: Mutation,
  log: PushInput['log'],
): Promise<MutationOutcome> {
  const undo = ctx.checkpoint();
  try {
    return await decide(ctx, mutation);
  } catch (error) {
    if (fromDatabase(error)) throw error;
    undo();
    return internalRecordError(mutation, error, log);
  }
}

async function applyCarefully(
  ctx: BatchContext,
  mutation: Mutation,
  log: PushInput['log'],
): Promise<MutationOutcome> {
  await ctx.tx.exec('SAVEPOINT mutation');
  try {
    const outcome = await decide(ctx, mutation);
    if (outcome.status === 'accepted') await ctx.tx.exec('RELEASE SAVEPOINT mutation');
    else await undoMutation(ctx.tx);
    return outcome;
  } catch (error) {
    await undoMutation(ctx.tx);
    const sqlState = dataErrorState(error);
    if (sqlState) return reject('invalid_record', { sqlState });
    if (!fromDatabase(error)) return internalRecordError(mutation, error, log);
    throw error;
  }
}

function internalRecordError(
  mutation: Mutation,
  error: unknown,
  log: PushInput['log'],
): MutationOutcome {
  const what = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log?.(
    `Push : ${mutation.entity} ${mutation.entityId} (mutation ${mutation.id}) refusé, erreur du serveur : ${what}`,
  );
  return reject('internal_record_error');
}

/** Errors that came out of the database (any SQL error, a lost connection). */
const databaseErrors = new WeakSet<object>();

function fromDatabase(error: unknown): boolean {
  return typeof error === 'object' && error !== null && databaseErrors.has(error);
}

/** `tx`, with every error it throws remembered as the database's. */
function watched(tx: Queryable): Queryable {
  const remember = (error: unknown): never => {
    if (typeof error === 'object' && error !== null) databaseErrors.add(error);
    throw error;
  };
  return {
    query: <T>(sql: string, params?: unknown[]) => tx.query<T>(sql, params).catch(remember),
    exec: (sql: string) => tx.exec(sql).catch(remember),
  };
}

async function undoMutation(tx: Queryable): Promise<void> {
  await tx.exec('ROLLBACK TO SAVEPOINT mutation; RELEASE SAVEPOINT mutation');
}

/** The SQLSTATE of a data exception (class 22) or a constraint violation (class 23). */
function dataErrorState(error: unknown): string | undefined {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && /^2[23]/.test(code) ? code : undefined;
}

/** A stored result, under the id it is answered to (an anonymous journal keeps no id). */
function parseStored(id: string, result: unknown): MutationResult | undefined {
  return result === undefined
    ? undefined
    : mutationResultSchema.parse({ ...(result as object), id });
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
