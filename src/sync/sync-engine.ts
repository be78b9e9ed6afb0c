import type { AppDB } from '../db/AppDB';
import { countPending } from '../db/outbox';
import { readSession } from '../db/session';
import { updateSyncStatus } from '../db/sync-status';
import { describeError, HttpError, NetworkError, type ApiClient } from './api-client';
import { backoffDelay } from './backoff';
import { pullChanges, PULL_PAGE_SIZE } from './pull';
import { pushOutbox, PUSH_MAX_BYTES, PUSH_MAX_MUTATIONS } from './push';
import { withLockIfAvailable } from './with-lock';

export const SYNC_LOCK_NAME = 'dernier-km-sync';
export const SYNC_PERIOD_MS = 3 * 60 * 1000; // 3 minutes while the app is open
/** Push-and-pull rounds in one run while new records keep arriving from other tabs. */
const MAX_ROUNDS = 3;
/**
 * Requests shrink after each network failure (down to 1/16 of the normal size) and grow back
 * after each success: on an EDGE link a full 256 KiB batch may never finish in time, a small
 * one will.
 */
const MIN_LINK_SCALE = 1 / 16;

/** A request that failed after this long may have been too big for the link. */
const SLOW_FAILURE_MS = 5_000;
const slowFailure = (error: NetworkError) =>
  error.elapsedMs === undefined || error.elapsedMs >= SLOW_FAILURE_MS;

/** Triggers that say the link may work now, worth a new run even right after a failed one. */
const LINK_NEWS: ReadonlySet<SyncTrigger> = new Set(['online', 'button']);

const knownOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export type SyncTrigger = 'start' | 'online' | 'visible' | 'timer' | 'retry' | 'save' | 'button';
/** `busy`: another tab holds the sync lock and is doing the work. */
export type SyncOutcome = 'done' | 'busy' | 'no-session' | 'failed';

export interface SyncEngine {
  start(): void;
  stop(): void;
  syncNow(trigger: SyncTrigger): Promise<SyncOutcome>;
}

/**
 * The sync orchestrator: push the outbox, then pull, whenever something suggests it may work
 * (start, `online`, the app visible again, a timer, a save, the button), with one runner across
 * tabs (Web Locks) and exponential backoff with jitter after failures. Its status is written
 * to IndexedDB (db/sync-status.ts), so every tab shows the same thing.
 */
export function createSyncEngine(deps: {
  db: AppDB;
  api: ApiClient;
  random?: () => number;
  /** The wait before a retry after `failures` failures in a row (`backoffDelay` by default). */
  retryDelay?: (failures: number, random: () => number) => number;
  periodMs?: number;
}): SyncEngine {
  const { db, api } = deps;
  const random = deps.random ?? Math.random;
  let failures = 0;
  let linkScale = 1;
  const scaled = (size: number) => Math.max(1, Math.floor(size * linkScale));
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let periodicTimer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<SyncOutcome> | undefined;
  let rerun: 'if-done' | 'even-after-failure' | undefined;
  const controller = new AbortController();

  const onOnline = () => void syncNow('online');
  const onVisible = () => {
    if (document.visibilityState === 'visible') void syncNow('visible');
  };

  async function runOnce(): Promise<SyncOutcome> {
    const session = await readSession(db);
    if (session === undefined) return 'no-session';
    let outcome: SyncOutcome = 'busy';
    await withLockIfAvailable(SYNC_LOCK_NAME, async () => {
      outcome = await pushThenPull(session);
    });
    return outcome;
  }

  async function pushThenPull(
    session: NonNullable<Awaited<ReturnType<typeof readSession>>>,
  ): Promise<SyncOutcome> {
    const signal = controller.signal;
    try {
      let serverTime: string;
      // Records saved by another tab while this one held the lock are sent in the same run.
      let round = 0;
      do {
        await updateSyncStatus(db, { phase: 'pushing', progress: undefined, retryAt: undefined });
        await pushOutbox(db, api, session, {
          signal,
          maxMutations: scaled(PUSH_MAX_MUTATIONS),
          maxBytes: scaled(PUSH_MAX_BYTES),
          onProgress: (progress) => updateSyncStatus(db, { progress }),
        });
        // The push's progress stays until the run ends: the sync bar counts what waits from it.
        await updateSyncStatus(db, { phase: 'pulling', pulled: 0 });
        serverTime = await pullChanges(db, api, session, {
          signal,
          pageSize: scaled(PULL_PAGE_SIZE),
          onPage: (pulled) => void updateSyncStatus(db, { pulled }),
        });
        round += 1;
      } while (round < MAX_ROUNDS && (await countPending(db)) > 0);
      failures = 0;
      linkScale = Math.min(1, linkScale * 2);
      await updateSyncStatus(db, {
        phase: 'idle',
        lastSuccessAt: serverTime,
        reachable: true,
        error: undefined,
        progress: undefined,
        pulled: undefined,
      });
      return 'done';
    } catch (error) {
      if (signal.aborted) return 'failed';
      failures += 1;
      // Smaller requests only after one that failed slowly (timed out, cut after seconds): a
      // failure at once, or while the device knows it is offline, says nothing of the link's speed.
      if (error instanceof NetworkError && !knownOffline() && slowFailure(error))
        linkScale = Math.max(MIN_LINK_SCALE, linkScale / 2);
      const retryable =
        error instanceof NetworkError || (error instanceof HttpError && error.status >= 500);
      const retryAt = retryable ? scheduleRetry() : undefined;
      await updateSyncStatus(db, {
        phase: 'idle',
        progress: undefined,
        pulled: undefined,
        reachable: !(error instanceof NetworkError),
        error: describeError(error),
        retryAt,
      });
      return 'failed';
    }
  }

  function scheduleRetry(): string {
    clearTimeout(retryTimer);
    const delay = (deps.retryDelay ?? backoffDelay)(failures, random);
    retryTimer = setTimeout(() => void syncNow('retry'), delay);
    return new Date(Date.now() + delay).toISOString();
  }

  /**
   * One sync at a time in this tab; a request during a run makes it run once more after. After
   * a failed run, only news that the link may be back (`online`, the button) runs it again at
   * once: a tablet that gets its signal back during a failing attempt does not wait out the
   * backoff; anything else leaves the retry to the backoff timer.
   */
  function syncNow(trigger: SyncTrigger): Promise<SyncOutcome> {
    if (running) {
      rerun =
        rerun === 'even-after-failure' || LINK_NEWS.has(trigger) ? 'even-after-failure' : 'if-done';
      return running;
    }
    running = (async () => {
      let outcome: SyncOutcome;
      let again: typeof rerun;
      do {
        rerun = undefined;
        clearTimeout(retryTimer);
        outcome = await runOnce();
        again = rerun;
      } while (again === 'even-after-failure' || (again === 'if-done' && outcome === 'done'));
      return outcome;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    start() {
      window.addEventListener('online', onOnline);
      document.addEventListener('visibilitychange', onVisible);
      periodicTimer = setInterval(() => void syncNow('timer'), deps.periodMs ?? SYNC_PERIOD_MS);
      void syncNow('start');
    },
    stop() {
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(periodicTimer);
      clearTimeout(retryTimer);
      controller.abort();
    },
    syncNow,
  };
}
