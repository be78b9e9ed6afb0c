import {
  PROTOCOL_VERSION,
  type MutationResult,
  type PushRequest,
} from '../../shared/sync/protocol-v1';
import type { AppDB } from '../db/AppDB';
import { nextBatch, readQueue, recordAttempt, recountPending, toMutation } from '../db/outbox';
import { purgeDelivered } from '../db/outbox-purge';
import { applyPushResults } from '../db/push-results';
import type { OutboxRow } from '../db/rows';
import type { Session } from '../db/session';
import { encodeAhead, NetworkError, type ApiClient } from './api-client';

/** The protocol's most per request (MAX_MUTATIONS_PER_PUSH): fewer round trips on a good link. */
export const PUSH_MAX_MUTATIONS = 500;
/** Under the server's 1 MiB body limit; the engine sends less after network failures. */
export const PUSH_MAX_BYTES = 768 * 1024;

export interface Progress {
  /** Mutations answered (delivered or refused) out of `total`. */
  done: number;
  /** Mutations of this push: those pending when it began, and those saved since, once taken. */
  total: number;
  /** The last outbox `seq` counted in `total`; rows saved after it are not yet. */
  horizon: number;
}

/**
 * Sends the outbox in batches, oldest first, until nothing is pending.
 *
 * Pipelined, so the device and the server work at the same time: while batch N is on its way
 * the next one is read and N−1's answers are stored, and as soon as N is answered N+1 leaves.
 * The order and the guarantees are those of one batch at a time: a batch leaves only once the
 * previous one is answered (so the server applies them in order), and a mutation leaves the
 * outbox only when its answer is stored, so an interruption at any point resumes where it
 * stopped; a batch whose answer was lost is resent as it was and answered `duplicate`.
 *
 * `onProgress` runs inside the transaction that stores each batch's answers (and may write
 * there). Throws the first network or HTTP failure, once what was answered is stored.
 */
export async function pushOutbox(
  db: AppDB,
  api: ApiClient,
  session: Session,
  options: {
    signal?: AbortSignal;
    onProgress?: (progress: Progress) => unknown;
    maxMutations?: number;
    maxBytes?: number;
  } = {},
): Promise<Progress> {
  const maxCount = options.maxMutations ?? PUSH_MAX_MUTATIONS;
  const maxBytes = options.maxBytes ?? PUSH_MAX_BYTES;
  let batch = await nextBatch(db, maxCount, maxBytes);
  const progress: Progress = { done: 0, total: 0, horizon: 0 };
  // Announced while the first batch travels; its answers are stored after that.
  let storing = readQueue(db).then(async ({ pending, lastSeq }) => {
    Object.assign(progress, { total: pending, horizon: lastSeq });
    await options.onProgress?.({ ...progress });
  });
  storing.catch(() => {}); // awaited on the first turn or below
  /** Counts the rows of a batch saved after the push began, as it takes them in. */
  const takeIn = (rows: OutboxRow[]) => {
    const later = rows.filter((row) => row.seq > progress.horizon);
    progress.total += later.length;
    progress.horizon = Math.max(progress.horizon, ...later.map((row) => row.seq));
    return rows;
  };
  /** A batch and its request, encoded now: read while the batch before it travels. */
  const prepare = (rows: OutboxRow[]): Prepared => {
    const request: PushRequest = {
      v: PROTOCOL_VERSION,
      deviceId: session.deviceId,
      mutations: rows.map(toMutation),
    };
    if (rows.length > 0) encodeAhead(request);
    return { rows, request };
  };
  /** Sends a batch and starts reading the rows after it, both under way at once. */
  const dispatch = ({ rows, request }: Prepared) => {
    const sending = send(db, api, session, rows, request, options.signal);
    // Read, and the request encoded (about 20 ms for 500 visits), while this batch travels.
    const following = nextBatch(db, maxCount, maxBytes, rows.at(-1)!.seq).then(prepare);
    // Both awaited on the next turn, unless something before them fails first.
    sending.catch(() => {});
    following.catch(() => {});
    return { sending, following };
  };
  try {
    let next = batch.length > 0 ? dispatch(prepare(batch)) : undefined;
    while (next !== undefined) {
      const results = await next.sending;
      const following = await next.following;
      const rows = takeIn(following.rows);
      // The next batch leaves as soon as this one is answered; this one's answers are stored
      // while it travels, after the previous ones.
      next = rows.length > 0 ? dispatch(following) : undefined;
      await storing;
      storing = applyPushResults(db, batch, results, async (handled) => {
        progress.done += handled;
        await options.onProgress?.({ ...progress });
      });
      storing.catch(() => {}); // awaited on the next turn or below
      batch = rows;
    }
    await storing;
    await recountPending(db);
    await purgeDelivered(db);
  } finally {
    await storing;
  }
  return progress;
}

interface Prepared {
  rows: OutboxRow[];
  request: PushRequest;
}

/** One batch's request; a delivery failure is counted on its rows before it is thrown. */
async function send(
  db: AppDB,
  api: ApiClient,
  session: Session,
  batch: readonly OutboxRow[],
  request: PushRequest,
  signal: AbortSignal | undefined,
): Promise<readonly MutationResult[]> {
  const ids = batch.map((row) => row.id);
  let response;
  try {
    response = await api.push(session.token, request, signal);
  } catch (error) {
    await recordAttempt(db, ids);
    throw error;
  }
  const answered = new Set(response.results.map((result) => result.id));
  // An answer about none of the batch (a proxy's stale copy, a server bug) would make this
  // loop send the same batch forever: treat it as a delivery fault and retry later.
  if (!ids.some((id) => answered.has(id)))
    throw new NetworkError(new Error('Réponse sans rapport avec le lot envoyé'));
  return response.results;
}
