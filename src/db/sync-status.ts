import { z } from 'zod';
import { instantSchema } from '../../shared/schemas/common';
import type { AppDB } from './AppDB';
import { readMeta, writeMeta } from './meta';

/**
 * What the sync engine last did, kept in IndexedDB so every open tab shows the same status
 * through its live query, whichever tab holds the sync lock.
 */
export const syncStatusSchema = z.object({
  phase: z.enum(['idle', 'pushing', 'pulling']),
  /** Server time of the last complete push + pull: immune to a wrong device clock. */
  lastSuccessAt: instantSchema.optional(),
  /** False after a network failure, true after any answer from the server. */
  reachable: z.boolean(),
  /**
   * The push under way: `total` pending mutations up to `horizon` (an outbox `seq`) came into
   * it, `done` of them are answered; what waits is that difference plus the rows saved after
   * `horizon` (`countPendingAfter`), without counting the whole queue after every batch
   * (absent from the status an older app version stored).
   */
  progress: z
    .object({
      done: z.number().int(),
      total: z.number().int(),
      horizon: z.number().int().optional(),
    })
    .optional(),
  /** Changes received so far by the pull under way (the server does not say how many remain). */
  pulled: z.number().int().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** Device time of the next automatic retry, while backing off. */
  retryAt: instantSchema.optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const SYNC_STATUS_KEY = 'sync-status';
export const INITIAL_SYNC_STATUS: SyncStatus = { phase: 'idle', reachable: true };

export async function readSyncStatus(db: AppDB): Promise<SyncStatus> {
  return (await readMeta(db, SYNC_STATUS_KEY, syncStatusSchema)) ?? INITIAL_SYNC_STATUS;
}

/** Merges `patch` into the stored status; `undefined` values clear a field. */
export async function updateSyncStatus(db: AppDB, patch: Partial<SyncStatus>): Promise<SyncStatus> {
  return db.transaction('rw', db.meta, async () => {
    const next = syncStatusSchema.parse({ ...(await readSyncStatus(db)), ...patch });
    await writeMeta(db, SYNC_STATUS_KEY, next);
    return next;
  });
}
