import { afterEach, describe, expect, it, vi } from 'vitest';
import { testSession } from '../../tests/support/fixtures';
import { FakeServer } from '../../tests/support/fake-server';
import { freshDb, queueMadeUpVisits } from '../../tests/support/test-db';
import type { AppDB } from '../db/AppDB';
import { countPending } from '../db/outbox';
import { startSession } from '../db/session';
import { readSyncStatus } from '../db/sync-status';
import { HttpError, NetworkError } from './api-client';
import { createSyncEngine } from './sync-engine';

let db: AppDB;
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

const session = testSession;

async function setup(visits: number) {
  db = freshDb();
  await startSession(db, session);
  await queueMadeUpVisits(db, visits);
}

describe('sync engine', () => {
  it('does nothing without a session', async () => {
    db = freshDb();
    const engine = createSyncEngine({ db, api: new FakeServer() });
    expect(await engine.syncNow('button')).toBe('no-session');
  });

  it('pushes then pulls and records the server time of the success', async () => {
    await setup(2);
    const server = new FakeServer();
    const engine = createSyncEngine({ db, api: server });
    expect(await engine.syncNow('button')).toBe('done');
    expect(await countPending(db)).toBe(0);
    expect(await readSyncStatus(db)).toMatchObject({
      phase: 'idle',
      reachable: true,
      lastSuccessAt: '2026-11-23T10:00:01.000Z',
    });
  });

  it('lets only one engine sync at a time; the other reports busy', async () => {
    await setup(1);
    const server = new FakeServer();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = {
      ...server,
      push: async (...args: Parameters<FakeServer['push']>) => {
        await gate;
        return server.push(...args);
      },
      pull: () => server.pull(),
      login: () => server.login(),
      uploadGuide: () => server.uploadGuide(),
      uploadFormDefinition: () => server.uploadFormDefinition(),
      office: () => server.office(),
      officeDocument: () => server.officeDocument(),
      findPersonDuplicates: () => server.findPersonDuplicates(),
      pilotage: () => server.pilotage(),
    };
    const first = createSyncEngine({ db, api: slow }).syncNow('button');
    await vi.waitFor(async () => expect((await readSyncStatus(db)).phase).toBe('pushing'));
    expect(await createSyncEngine({ db, api: server }).syncNow('button')).toBe('busy');
    release();
    expect(await first).toBe('done');
    expect(server.pushes).toHaveLength(1);
  });

  it('backs off after a network failure and retries by itself', async () => {
    await setup(1);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const server = new FakeServer();
    let down = true;
    server.beforePush = () => {
      if (down) throw new NetworkError(new Error('offline'));
    };
    const engine = createSyncEngine({ db, api: server, random: () => 0 });
    expect(await engine.syncNow('start')).toBe('failed');
    const status = await readSyncStatus(db);
    expect(status).toMatchObject({ reachable: false, error: { code: 'network' } });
    expect(status.retryAt).toBeDefined();

    down = false;
    await vi.advanceTimersByTimeAsync(2_000);
    // The run ends (its delivered rows deleted, the pull done), and with it its hold on the lock.
    await vi.waitFor(async () => expect((await readSyncStatus(db)).lastSuccessAt).toBeDefined());
    expect(await countPending(db)).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    engine.stop();
  });

  it('runs again at once when the link comes back during a failing run, not after the backoff', async () => {
    await setup(1);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const server = new FakeServer();
    let down = true;
    const engine = createSyncEngine({ db, api: server, random: () => 0 });
    server.beforePush = () => {
      if (!down) return;
      down = false; // the signal is back while this attempt fails
      void engine.syncNow('online');
      throw new NetworkError(new Error('offline'));
    };
    const outcome = engine.syncNow('start');
    // Waiting lets the (fake) time run: the delivered rows are deleted after a short pause.
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(await outcome).toBe('done');
    expect(server.pushes).toHaveLength(1);
    expect((await readSyncStatus(db)).retryAt).toBeUndefined();
    engine.stop();
  });

  it('leaves a save during a failing run to the backoff timer', async () => {
    await setup(1);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const server = new FakeServer();
    let attempts = 0;
    const engine = createSyncEngine({ db, api: server, random: () => 0 });
    server.beforePush = () => {
      attempts += 1;
      void engine.syncNow('save');
      throw new NetworkError(new Error('offline'));
    };
    expect(await engine.syncNow('start')).toBe('failed');
    expect(attempts).toBe(1);
    expect((await readSyncStatus(db)).retryAt).toBeDefined();
    engine.stop();
  });

  it('does not retry by itself when the session is refused, and keeps the outbox', async () => {
    await setup(1);
    const server = new FakeServer();
    server.beforePush = () => {
      throw new HttpError(401, 'unauthorized', 'Session expirée');
    };
    const engine = createSyncEngine({ db, api: server });
    expect(await engine.syncNow('button')).toBe('failed');
    const status = await readSyncStatus(db);
    expect(status).toMatchObject({ reachable: true, error: { code: 'unauthorized' } });
    expect(status.retryAt).toBeUndefined();
    expect(await countPending(db)).toBe(1);
  });

  it('sends smaller batches after a request that failed slowly, for links too slow for a full one', async () => {
    await setup(300);
    const server = new FakeServer();
    let down = true;
    server.beforePush = () => {
      if (down) throw new NetworkError(new DOMException('délai dépassé', 'TimeoutError'), 30_000);
    };
    const engine = createSyncEngine({ db, api: server });
    expect(await engine.syncNow('button')).toBe('failed');
    down = false;
    expect(await engine.syncNow('button')).toBe('done');
    engine.stop();
    expect(server.pushes.map((batch) => batch.length)).toEqual([250, 50]);
  });

  it('keeps full batches after a request that failed at once (no network, server down)', async () => {
    await setup(300);
    const server = new FakeServer();
    let down = true;
    server.beforePush = () => {
      if (down) throw new NetworkError(new TypeError('Failed to fetch'), 3);
    };
    const engine = createSyncEngine({ db, api: server });
    expect(await engine.syncNow('button')).toBe('failed');
    down = false;
    expect(await engine.syncNow('button')).toBe('done');
    engine.stop();
    expect(server.pushes.map((batch) => batch.length)).toEqual([300]);
  });
});
