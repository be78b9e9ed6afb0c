import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/start';
import { countPending } from '../../src/db/outbox';
import { readSyncStatus } from '../../src/db/sync-status';
import { createApiClient } from '../../src/sync/api-client';
import { backoffDelay } from '../../src/sync/backoff';
import { createSyncEngine } from '../../src/sync/sync-engine';
import { startFlakyProxy, type Fate, type FlakyProxy } from '../support/flaky-proxy';
import { createNodeDevice, pause, receiptedVisits } from '../support/node-device';
import { startDemoServer } from '../support/demo-data';

/**
 * Issue "Sync that survives the field": the real sync engine, started once, alone against a
 * flapping link. No test code retries: every new attempt after a fault comes from the
 * engine's own backoff timer, with the real exponential delays (the jitter drawn at its
 * shortest) scaled down TIME_SCALE times, so retries in a row take seconds, not minutes. It
 * must end with every visit on the server once and receipted on the tablet.
 */
const TIME_SCALE = 20;
const SEED = Number(process.env.DK_CHAOS_SEED ?? 2);
const VISITS = 1000;
const TAG = `Relances du moteur ${SEED}`;
/**
 * About one request in three fails, in every way the proxy knows. (Not the flapping-network
 * test's one in two: every failed run doubles the engine's wait, as it should, and a run
 * succeeds only when all its requests do.)
 */
const WEIGHTS: Record<Fate, number> = {
  pass: 60,
  delay: 10,
  reset: 6,
  'bad-gateway': 6,
  unavailable: 6,
  'drop-after-apply': 6,
  'cut-after-apply': 6,
};
const FAULTS: Fate[] = [
  'reset',
  'bad-gateway',
  'unavailable',
  'drop-after-apply',
  'cut-after-apply',
];

let server: RunningServer;
let proxy: FlakyProxy;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dk-engine-'));
  server = await startDemoServer(dir);
});

afterAll(async () => {
  await proxy?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the sync engine on a flapping link', () => {
  it(`retries on its own backoff until ${VISITS} visits are delivered once (seed ${SEED})`, async () => {
    const device = await createNodeDevice(server.url);
    const ids = await device.queueVisits(VISITS, TAG);
    proxy = await startFlakyProxy(server.url, { seed: SEED, weights: WEIGHTS });
    const waits: number[] = []; // each retry the engine planned, after how many failures in a row
    const engine = createSyncEngine({
      db: device.db,
      api: createApiClient({ baseUrl: proxy.url }),
      random: () => 0,
      retryDelay: (failures, random) => {
        waits.push(failures);
        return backoffDelay(failures, random) / TIME_SCALE;
      },
    });

    // The one and only call (what `start()` does, without the browser's events and the periodic
    // timer): every later attempt comes from the engine's retry timer.
    void engine.syncNow('start');
    for (;;) {
      const status = await readSyncStatus(device.db);
      if (status.phase === 'idle' && status.lastSuccessAt !== undefined) break;
      await pause(25);
    }

    console.info(
      `retries planned by the engine, after N failures in a row: ${waits.join(', ')}; proxy fates: ${JSON.stringify(proxy.fates)}`,
    );
    expect(FAULTS.some((fate) => proxy.fates[fate] > 0)).toBe(true);
    // Several retries, each after one more failure in a row: the wait doubles each time.
    expect(waits.length).toBeGreaterThan(1);
    expect(waits).toEqual(waits.map((_, i) => i + 1));
    expect(await countPending(device.db)).toBe(0);
    const rows = await server.db.query<{ id: string }>(
      "SELECT id::text AS id FROM visits WHERE answers->>'personName' LIKE $1",
      [`${TAG} %`],
    );
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids));
    expect(rows).toHaveLength(VISITS);
    expect(await receiptedVisits(device.db, TAG)).toEqual({
      total: VISITS,
      receipted: VISITS,
      receipts: VISITS,
    });
    await device.close();
  });
});
