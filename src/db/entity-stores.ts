import type { Table } from 'dexie';
import type { Receipt } from '../../shared/schemas/common';
import type { Change, Reason } from '../../shared/sync/protocol-v1';
import type { AppDB } from './AppDB';
import type { SyncState } from './rows';

/**
 * How each synced entity is stored on the device: what a pulled change does, and what the
 * server's answer to a pushed mutation does. Adding a synced entity means adding an entry
 * to entity-store-registry.ts (src/db/README.md). All functions run inside the caller's
 * transaction.
 */
export interface EntityStore {
  tables(db: AppDB): Table[];
  applyChange(db: AppDB, change: Change): Promise<void>;
  /**
   * A pulled change of a record that still has a local change in the outbox: skipped (the
   * local change wins until the server answers it) unless the store says otherwise here.
   */
  applyWhileWaiting?(db: AppDB, change: Change): Promise<void>;
  /**
   * Optional: the records among a pulled page's changes of this entity that the device holds
   * already as they are (the echo of its own push); their changes are not written again.
   */
  heldAlready?(db: AppDB, changes: readonly Change[]): Promise<ReadonlySet<string>>;
  markSynced(db: AppDB, entityId: string, version: number, receipt: Receipt): Promise<void>;
  /** Optional bulk form of `markSynced`, for entities pushed by the thousand (visits). */
  markSyncedMany?(db: AppDB, answers: readonly SyncedAnswer[]): Promise<void>;
  markRefused(
    db: AppDB,
    entityId: string,
    state: Exclude<SyncState, 'pending' | 'synced'>,
    reason: Reason,
  ): Promise<void>;
}

export interface SyncedAnswer {
  entityId: string;
  version: number;
  receipt: Receipt;
}

/** Every entity's store, and what the stores need after a pulled page is applied. */
export interface EntityStores {
  store(entity: string): EntityStore | undefined;
  /** Every table a store writes: the scope of the pull and push transactions. */
  tables(db: AppDB): Table[];
  /** Runs in the page's transaction, after its changes. */
  afterPullPage(db: AppDB): Promise<void>;
}

let loading: Promise<EntityStores> | undefined;

/**
 * The stores, with the record schemas they check (guide, persons, forms, avis), load with the
 * first sync rather than with the app, keeping the first load within its budget; the service
 * worker precaches them. Callers load them before opening their transaction: an import
 * awaited inside an IndexedDB transaction would let it commit.
 */
export function loadEntityStores(): Promise<EntityStores> {
  const attempt = (loading ??= import('./entity-store-registry').then((m) => m.entityStores));
  attempt.catch(() => {
    if (loading === attempt) loading = undefined;
  });
  return attempt;
}
