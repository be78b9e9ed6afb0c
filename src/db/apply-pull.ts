import { z } from 'zod';
import type { Change, PullResponse } from '../../shared/sync/protocol-v1';
import type { AppDB } from './AppDB';
import { loadEntityStores, type EntityStore, type EntityStores } from './entity-stores';
import { readMeta, writeMeta } from './meta';
import { purgeDeliveredNow } from './outbox-purge';
import { readSession } from './session';

const PULL_CURSOR_KEY = 'pull-cursor';

export function readPullCursor(db: AppDB): Promise<string | undefined> {
  return readMeta(db, PULL_CURSOR_KEY, z.string());
}

/**
 * Applies one pulled page and advances the cursor in ONE transaction: a tab closed at any
 * instant either has the whole page and the new cursor, or neither, so a change is never
 * skipped nor applied twice. A record with a local change still in the outbox keeps the local
 * version: the server's answer to that push brings its version and receipt. Returns false,
 * writing nothing, when `agentId` is given and is no longer the agent logged in.
 */
export async function applyPullPage(
  db: AppDB,
  page: Pick<PullResponse, 'changes' | 'cursor'>,
  agentId?: string,
): Promise<boolean> {
  const stores = await loadEntityStores();
  return db.transaction('rw', [db.meta, db.outbox, ...stores.tables(db)], async () => {
    // A page fetched for an agent who has since logged out is not written for the next one.
    if (agentId !== undefined && (await readSession(db))?.agent.id !== agentId) return false;
    // A record with a row in the outbox keeps its local version: the rows a push delivered but
    // did not delete yet (it was stopped before) go first.
    await purgeDeliveredNow(db);
    const held = await heldAlready(db, stores, page.changes);
    for (const change of page.changes) {
      const store = stores.store(change.entity);
      if (store === undefined) continue; // an entity this app version does not know yet
      if (held.get(store)?.has(change.entityId)) continue;
      const waiting = await db.outbox.where('entityId').equals(change.entityId).count();
      if (waiting > 0) await store.applyWhileWaiting?.(db, change);
      else await store.applyChange(db, change);
    }
    await stores.afterPullPage(db);
    await writeMeta(db, PULL_CURSOR_KEY, page.cursor);
    return true;
  });
}

/** Per store, the records of the page it says the device holds already (`heldAlready`). */
async function heldAlready(
  db: AppDB,
  stores: EntityStores,
  changes: readonly Change[],
): Promise<Map<EntityStore, ReadonlySet<string>>> {
  const byStore = new Map<EntityStore, Change[]>();
  for (const change of changes) {
    const store = stores.store(change.entity);
    if (store?.heldAlready === undefined) continue;
    const list = byStore.get(store) ?? [];
    byStore.set(store, list);
    list.push(change);
  }
  const held = new Map<EntityStore, ReadonlySet<string>>();
  for (const [store, list] of byStore) held.set(store, await store.heldAlready!(db, list));
  return held;
}
