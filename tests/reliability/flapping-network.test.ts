import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/start';
import { startFlakyProxy, type FlakyProxy } from '../support/flaky-proxy';
import { createNodeDevice, receiptedVisits } from '../support/node-device';
import { startDemoServer } from '../support/demo-data';

/**
 * Issue "Sync that survives the field": 1,000 visits pushed through a link that resets,
 * delays, answers 502/503, and loses or cuts answers after the server applied the batch. The
 * server must end with exactly 1,000, and the device with 1,000 receipts.
 */
const SEED = Number(process.env.DK_CHAOS_SEED ?? 20261123);
const VISITS = 1000;
const TAG = `Réseau instable ${SEED}`;

let server: RunningServer;
let proxy: FlakyProxy;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dk-flaky-'));
  server = await startDemoServer(dir);
  proxy = await startFlakyProxy(server.url, { seed: SEED });
});

afterAll(async () => {
  await proxy?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a flapping network between the tablet and the server', () => {
  it(`delivers ${VISITS} visits exactly once, each with its receipt (seed ${SEED})`, async () => {
    const device = await createNodeDevice(proxy.url);
    const ids = await device.queueVisits(VISITS, TAG);
    const faults = await device.pushUntilDone({ batchSize: 20 });

    const rows = await server.db.query<{ id: string }>(
      "SELECT id::text AS id FROM visits WHERE answers->>'personName' LIKE $1",
      [`${TAG} %`],
    );
    expect(rows).toHaveLength(VISITS);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids));
    expect(await receiptedVisits(device.db, TAG)).toEqual({
      total: VISITS,
      receipted: VISITS,
      receipts: VISITS,
    });

    // The run really went through every kind of fault, including answers lost after applying.
    console.info(
      `faults seen by the device: ${faults}; proxy fates: ${JSON.stringify(proxy.fates)}`,
    );
    for (const fate of [
      'reset',
      'bad-gateway',
      'unavailable',
      'drop-after-apply',
      'cut-after-apply',
      'delay',
    ] as const) {
      expect(proxy.fates[fate]).toBeGreaterThan(0);
    }
    await device.close();
  });

  it('lets another tablet pull every one of them, once, through the same link', async () => {
    const other = await createNodeDevice(proxy.url, 'demo.pmi');
    const faults = await other.pullUntilDone({ pageSize: 40 });
    const pulled = await receiptedVisits(other.db, TAG);
    expect(pulled).toEqual({ total: VISITS, receipted: VISITS, receipts: VISITS });
    console.info(`pull faults: ${faults}; proxy fates: ${JSON.stringify(proxy.fates)}`);
    expect(faults).toBeGreaterThan(0);
    await other.close();
  });
});
