import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database';
import { openDatabase } from '../../server/src/db/open-database';
import { countPending } from '../../src/db/outbox';
import { seededRandom, startFlakyProxy } from '../support/flaky-proxy';
import { copyDemoData } from '../support/demo-data';
import { createNodeDevice, pause, receiptedVisits } from '../support/node-device';
import { findPostgres, startPgCluster, type PgCluster } from '../support/pg-cluster';
import { freePort, startServerProcess, type ServerProcess } from '../support/server-process';

/**
 * Issue "Sync that survives the field": the server process is killed with SIGKILL at random
 * instants while a tablet pushes a large backlog, and restarted on the same data, 20 times.
 * Every mutation must end applied exactly once (the batch transaction is all or nothing, and
 * its mutation ids are recorded in it), and the tablet must hold a receipt for each.
 *
 * Random instants rarely fall in the short moment between a batch's commit and its answer
 * reaching the tablet, the case that proves a commit survives the kill. So every
 * FORCED_EVERY-th kill is aimed there: the tablet talks through a loopback proxy which, once
 * the server has answered a push, kills the server and loses the answer. The tablet resends
 * that batch to the restarted server and must be answered `duplicate`, with its receipts.
 */
const KILLS = 20;
const VISITS = 1500;
/** Below this many waiting visits, more are queued, so every kill falls in the middle of a push. */
const TOP_UP_BELOW = 400;
const BATCH = 5; // small batches keep the push going long enough for every kill to land in it
const SEED = Number(process.env.DK_CHAOS_SEED ?? 41);
const FORCED_EVERY = 4;
const FORCED = Math.floor(KILLS / FORCED_EVERY);
const STALL_MS = 150_000;
/** The tablet's wait before retrying while the server is down: a tight loop would slow its restart. */
const RETRY_MS = 100;

const postgres = findPostgres();
const targets = [
  { name: 'PGlite', skip: undefined },
  { name: 'PostgreSQL', skip: 'missing' in postgres ? postgres.missing : undefined },
] as const;

let dir: string;
let cluster: PgCluster | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dk-crash-'));
  if (!('missing' in postgres)) cluster = await startPgCluster(postgres);
});

afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(targets)('server killed mid-push on $name', ({ name, skip }) => {
  if (skip) console.warn(`PostgreSQL variant skipped: ${skip}`);

  it.skipIf(skip !== undefined)(
    `loses and doubles nothing across ${KILLS} SIGKILLs`,
    { timeout: 600_000 },
    async () => {
      const random = seededRandom(SEED);
      const port = String(await freePort());
      const env =
        name === 'PGlite'
          ? { PORT: port, DATA_DIR: copyDemoData(join(dir, 'pglite')) }
          : { PORT: port, DATABASE_URL: cluster!.databaseUrl };
      let server: ServerProcess = await startServerProcess(env);
      let aimed: (() => void) | undefined; // set: the next answered push is lost with a kill
      const proxy = await startFlakyProxy(server.url, {
        seed: SEED,
        weights: {
          delay: 0,
          reset: 0,
          'bad-gateway': 0,
          unavailable: 0,
          'drop-after-apply': 0,
          'cut-after-apply': 0,
        },
        onAnswer: async (path, status) => {
          if (aimed === undefined || !path.endsWith('/sync/push') || status !== 200)
            return 'deliver';
          await server.kill('SIGKILL'); // the batch is committed, its answer in the proxy's hands
          aimed();
          aimed = undefined;
          return 'drop';
        },
      });
      const device = await createNodeDevice(proxy.url);
      const tag = `Panne serveur ${name}`;
      // A push that stalls fails the test with its state, instead of waiting for its time limit.
      const unlessStalled = async (step: Promise<unknown>, when: string) => {
        let timer: NodeJS.Timeout | undefined;
        const stalled = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              void countPending(device.db).then((pending) =>
                reject(
                  new Error(
                    `push stalled ${STALL_MS} ms ${when}: ${pending} pending, ` +
                      `answers ${JSON.stringify(device.answers)}`,
                  ),
                ),
              ),
            STALL_MS,
          );
        });
        try {
          await Promise.race([step, stalled]);
        } finally {
          clearTimeout(timer);
        }
      };
      let queued = (await device.queueVisits(VISITS, tag)).length;

      let faults = 0;
      let killing = true;
      // Until the last kill, an outbox emptied between two checks (a fast server drains
      // hundreds in a moment) waits for the next top-up instead of ending the push.
      const pushing = (async () => {
        let count = 0;
        do {
          count += await device.pushUntilDone({ batchSize: BATCH, pauseMs: RETRY_MS });
          if (killing) await pause(10);
        } while (killing || (await countPending(device.db)) > 0);
        return count;
      })().then((count) => (faults = count));
      for (let kill = 0; kill < KILLS; kill += 1) {
        await pause(50 + random() * 250);
        // Topped up just before the kill: a push on an idle machine drains hundreds in a moment.
        if ((await countPending(device.db)) < TOP_UP_BELOW)
          queued += (await device.queueVisits(VISITS, `${tag} ${kill}`)).length;
        expect(
          await countPending(device.db),
          `kill ${kill + 1} happens during the push`,
        ).toBeGreaterThan(0);
        if (kill % FORCED_EVERY === FORCED_EVERY - 1) {
          const landed = new Promise<void>((resolve) => (aimed = resolve));
          const ended = pushing.then(() => {
            throw new Error(`push ended before aimed kill ${kill + 1}`);
          });
          ended.catch(() => {}); // raced below; once the kill has landed it no longer matters
          await unlessStalled(Promise.race([landed, ended]), `before aimed kill ${kill + 1}`);
        } else await server.kill('SIGKILL');
        server = await startServerProcess(env);
      }
      killing = false;
      await unlessStalled(pushing, 'after the last restart');
      await server.kill('SIGTERM');
      await proxy.close();
      // Each aimed kill lost the answer to a committed batch, which the restarted server must
      // answer `duplicate` when it is resent: at least one kill landed between commit and answer.
      console.info(
        `${name}: answers seen by the tablet ${JSON.stringify(device.answers)} (${FORCED} aimed kills of batches of ${BATCH}), ${faults} faults while the server restarted`,
      );
      expect(device.answers.duplicate).toBeGreaterThan(0);

      const db: Database = await openDatabase(
        env.DATABASE_URL
          ? { databaseUrl: env.DATABASE_URL, dataDir: dir }
          : { dataDir: env.DATA_DIR! },
      );
      try {
        const [counts] = await db.query<{
          visits: number;
          distinct_ids: number;
          journal: number;
          changes: number;
        }>(
          `SELECT count(*)::int AS visits, count(DISTINCT v.id)::int AS distinct_ids,
                (SELECT count(*)::int FROM applied_mutations m JOIN visits w ON w.id = m.entity_id WHERE w.answers->>'personName' LIKE $1) AS journal,
                (SELECT count(*)::int FROM sync_changes c JOIN visits w ON w.id::text = c.entity_id WHERE w.answers->>'personName' LIKE $1) AS changes
           FROM visits v WHERE v.answers->>'personName' LIKE $1`,
          [`${tag} %`],
        );
        expect(counts).toEqual({
          visits: queued,
          distinct_ids: queued,
          journal: queued,
          changes: queued,
        });
      } finally {
        await db.close();
      }
      expect(await receiptedVisits(device.db, tag)).toEqual({
        total: queued,
        receipted: queued,
        receipts: queued,
      });
      await device.close();
    },
  );
});
