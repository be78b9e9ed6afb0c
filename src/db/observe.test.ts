import { afterEach, describe, expect, it } from 'vitest';
import { testSession } from '../../tests/support/fixtures';
import { freshDb } from '../../tests/support/test-db';
import type { AppDB } from './AppDB';
import { writeMeta } from './meta';
import { observe } from './observe';
import { readSession } from './session';
import { updateSyncStatus } from './sync-status';

let db: AppDB;
afterEach(async () => {
  await db.delete();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('observe', () => {
  it('runs a query again when what it read changes, not when another row of the table does', async () => {
    db = freshDb();
    await writeMeta(db, 'session', testSession);
    const runs: unknown[] = [];
    const subscription = observe(() => readSession(db)).subscribe({ next: (v) => runs.push(v) });
    await settle();
    // The sync progress, written after every pushed batch, is another row of `meta`.
    for (let done = 0; done < 3; done += 1) {
      await updateSyncStatus(db, { phase: 'pushing', progress: { done, total: 3, horizon: 3 } });
      await settle();
    }
    expect(runs).toEqual([testSession]);
    await writeMeta(db, 'session', { ...testSession, token: 'autre' });
    await settle();
    expect(runs).toHaveLength(2);
    subscription.unsubscribe();
  });
});
