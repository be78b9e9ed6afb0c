import { z } from 'zod';
import type { PullResponse } from '../../shared/sync/protocol-v1';
import type { AppDB } from './AppDB';
import { loadEntityStores } from './entity-stores';
import { readMeta, writeMeta } from './meta';
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
    for (const change of page.changes) {
      const store = stores.store(change.entity);
      if (store === undefined) continue; // an entity this app version does not know yet
      const waiting = await db.outbox.where('entityId').equals(change.entityId).count();
      if (waiting > 0) await store.applyWhileWaiting?.(db, change);
      else await store.applyChange(db, change);
    }
    await stores.afterPullPage(db);
    await writeMeta(db, PULL_CURSOR_KEY, page.cursor);
    return true;
  });
}
