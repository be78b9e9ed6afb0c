import { createHash } from 'node:crypto';
import type { Mutation, MutationResult } from '../../../shared/sync/protocol-v1';
import type { Database, Queryable } from '../db/database';
import { findAnonymousResults, insertAnonymousResults } from '../db/queries/anonymous-mutations';
import {
  type AppliedMutation,
  findAppliedResults,
  insertAppliedMutations,
} from '../db/queries/applied-mutations';
import { type EntityHandlers, entityRegistry } from './entity-registry';

/**
 * Where a push remembers the mutations it processed, for exactly-once. Most go to
 * `applied_mutations` with the device, the agent, the record and the time. Those of an
 * anonymous entity ("Mon avis") go to `anonymous_mutations` with only a hash of the mutation id
 * and the result without that id: the mutation id is a random value only the tablet knows, so
 * its resend still finds its answer, but nothing there names the record or who sent it. With no
 * agent kept, a resend is answered whoever sends it: only the sending tablet knows the id.
 */
export interface JournalEntry {
  /** Who sent it; absent for an anonymous mutation. */
  agentId?: string;
  result: unknown;
}

function anonymousHandling(entity: string): EntityHandlers['anonymous'] {
  return entityRegistry.get(entity)?.anonymous;
}

export function anonymousKey(mutationId: string): string {
  return createHash('sha256').update(`anonymous-mutation:${mutationId}`).digest('hex');
}

/** Stored results of those of `mutations` already processed, by mutation id. */
export async function findJournalled(
  tx: Queryable,
  mutations: readonly Mutation[],
): Promise<Map<string, JournalEntry>> {
  const named: string[] = [];
  const byKey = new Map<string, string>();
  for (const m of mutations) {
    if (anonymousHandling(m.entity)) byKey.set(anonymousKey(m.id), m.id);
    else named.push(m.id);
  }
  const found: Map<string, JournalEntry> = await findAppliedResults(tx, named);
  for (const [key, result] of await findAnonymousResults(tx, [...byKey.keys()]))
    found.set(byKey.get(key)!, { result });
  return found;
}

export async function insertJournal(
  tx: Queryable,
  rows: readonly AppliedMutation[],
): Promise<void> {
  await insertAppliedMutations(
    tx,
    rows.filter((r) => !anonymousHandling(r.entity)),
  );
  await insertAnonymousResults(
    tx,
    rows
      .filter((r) => anonymousHandling(r.entity))
      .map((r) => {
        const { id: _id, ...result } = r.result as MutationResult;
        return { key: anonymousKey(r.mutationId), result };
      }),
  );
}

/**
 * After the push has committed: each anonymous entity rewrites the records it accepted (or
 * found again), in a transaction of its own, so that no system column (the transaction id in
 * `xmin`, the physical order) pairs them with the visit and journal rows of the same push.
 */
export async function unlinkAnonymous(
  db: Database,
  mutations: readonly Mutation[],
  results: readonly MutationResult[],
): Promise<void> {
  const byEntity = new Map<NonNullable<EntityHandlers['anonymous']>, Mutation[]>();
  mutations.forEach((mutation, index) => {
    const status = results[index]?.status;
    const handling = anonymousHandling(mutation.entity);
    if (!handling || (status !== 'accepted' && status !== 'duplicate')) return;
    byEntity.set(handling, [...(byEntity.get(handling) ?? []), mutation]);
  });
  for (const [handling, accepted] of byEntity)
    await db.transaction((tx) => handling.unlink(tx, accepted));
}
