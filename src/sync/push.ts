import { PROTOCOL_VERSION } from '../../shared/sync/protocol-v1';
import type { AppDB } from '../db/AppDB';
import { countPending, nextBatch, recordAttempt, toMutation } from '../db/outbox';
import { applyPushResults } from '../db/push-results';
import type { Session } from '../db/session';
import { NetworkError, type ApiClient } from './api-client';

export const PUSH_MAX_MUTATIONS = 250;
export const PUSH_MAX_BYTES = 256 * 1024; // 256 KiB of JSON per request, for slow links

export interface Progress {
  done: number;
  total: number;
}

/**
 * Sends the outbox in batches, oldest first, until nothing is pending. Each batch's answers
 * are stored before the next batch is taken, so an interruption at any point resumes where it
 * stopped; a batch whose answer was lost is resent as it was and answered `duplicate`.
 * Throws the first network or HTTP failure; what was stored stays stored.
 */
export async function pushOutbox(
  db: AppDB,
  api: ApiClient,
  session: Session,
  options: {
    signal?: AbortSignal;
    onProgress?: (progress: Progress) => void;
    maxMutations?: number;
    maxBytes?: number;
  } = {},
): Promise<Progress> {
  const total = await countPending(db);
  let done = 0;
  options.onProgress?.({ done, total });
  for (;;) {
    const batch = await nextBatch(
      db,
      options.maxMutations ?? PUSH_MAX_MUTATIONS,
      options.maxBytes ?? PUSH_MAX_BYTES,
    );
    if (batch.length === 0) return { done, total };
    const ids = batch.map((row) => row.id);
    let response;
    try {
      response = await api.push(
        session.token,
        { v: PROTOCOL_VERSION, deviceId: session.deviceId, mutations: batch.map(toMutation) },
        options.signal,
      );
    } catch (error) {
      await recordAttempt(db, ids);
      throw error;
    }
    const answered = new Set(response.results.map((result) => result.id));
    // An answer about none of the batch (a proxy's stale copy, a server bug) would make this
    // loop send the same batch forever: treat it as a delivery fault and retry later.
    if (!ids.some((id) => answered.has(id)))
      throw new NetworkError(new Error('Réponse sans rapport avec le lot envoyé'));
    await applyPushResults(db, response.results);
    done += batch.length;
    options.onProgress?.({ done, total: Math.max(total, done) });
  }
}
