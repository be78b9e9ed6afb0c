/**
 * Push throughput (issue "Sync that survives the field", DESIGN §9): 1,000 and 10,000 visits of
 * about 1 KB pushed over loopback to the real server, on PGlite and on PostgreSQL, by the built
 * app in Chromium (the real device path) and by the app's sync code in Node on fake-indexeddb;
 * the server's ingest rate for ready-made batches; and, in the same run, the same documents
 * replicated by the peer stack CHT uses (PouchDB to a CouchDB-protocol server: express-pouchdb,
 * memory adapter), from Node's memory (DESIGN §9's peer) and from IndexedDB in Chromium (as a
 * CHT tablet holds its documents). Run `npm run build` first for the Chromium figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServer, type RunningServer } from '../server/src/start';
import { browserPouchReplication } from './browser-pouch';
import { browserPush } from './browser-push';
import { uuidv7 } from '../shared/uuidv7';
import { makeVisit } from '../tests/support/fixtures';
import { createNodeDevice } from '../tests/support/node-device';
import { findPostgres, startPgCluster } from '../tests/support/pg-cluster';
import { postgresCpuMs } from './postgres-cpu';

const SIZES = [1_000, 10_000];
const NOTES = 'Visite à domicile, personne isolée, pas de réseau. '.repeat(14); // brings a visit to ~1 KB
const INGEST_BATCH = 500;
const ROUNDS = 3;

const rate = (count: number, ms: number) =>
  `${Math.round((count / ms) * 1000).toLocaleString('fr-FR')} /s`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[values.length >> 1]!;
const series = (values: readonly number[]) =>
  `${values.map((ms) => (ms / 1000).toFixed(2)).join(' / ')} s, median ${seconds(median(values))}`;
/** How many times faster ours was than the peer, round by round: each pair ran in turn. */
const ratios = (peer: readonly number[], ours: readonly number[]) => {
  const each = ours.map((ms, round) => peer[round]! / ms);
  return `${each.map((ratio) => `×${ratio.toFixed(2)}`).join(' / ')}, median ×${median(each).toFixed(2)}`;
};

/** A fresh server with the demo data on `target`'s database, for the time of `job`. */
async function withServer<T>(
  target: { databaseUrl?: string },
  job: (server: RunningServer) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'dk-bench-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    databaseUrl: target.databaseUrl,
    distDir: join(dir, 'none'),
    demo: true,
    log: () => {},
  });
  try {
    return await job(server);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function ourPush(target: { databaseUrl?: string }, count: number): Promise<number> {
  return withServer(target, async (server) => {
    const device = await createNodeDevice(server.url);
    await device.queueVisits(count, `Bench ${uuidv7()}`);
    const started = performance.now();
    await device.pushUntilDone({ maxFaults: 0 });
    const elapsed = performance.now() - started;
    await device.close();
    return elapsed;
  });
}

interface Target {
  name: string;
  databaseUrl?: string;
  /** The PostgreSQL cluster's data directory, to read its CPU time. */
  dataDir?: string;
}

interface Ingest {
  ms: number;
  /** CPU of this process: the server, PGlite when it is the database, and the bench's client. */
  nodeCpuMs: number;
  /** CPU of every PostgreSQL process, when PostgreSQL is the database and /proc is there. */
  postgresCpuMs?: number;
}

/** The server alone: ready-made JSON batches posted one after another, no device storage. */
function serverIngest(target: Target, count: number): Promise<Ingest> {
  return withServer(target, async (server) => {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        login: 'demo.social',
        password: 'demo-dernier-km',
        deviceName: 'bench',
      }),
    });
    const { token, deviceId } = (await login.json()) as { token: string; deviceId: string };
    const batches: string[] = [];
    for (let start = 0; start < count; start += INGEST_BATCH) {
      const mutations = Array.from({ length: Math.min(INGEST_BATCH, count - start) }, (_, i) => {
        const visit = makeVisit({ answers: { ...makeVisit().answers, notes: NOTES } });
        return {
          id: uuidv7(),
          seq: start + i + 1,
          entity: 'visit',
          op: 'put',
          entityId: visit.id,
          data: visit,
          at: visit.createdAt,
        };
      });
      batches.push(JSON.stringify({ v: 1, deviceId, mutations }));
    }
    const postgresBefore = target.dataDir ? postgresCpuMs(target.dataDir) : undefined;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (const body of batches) {
      const response = await fetch(`${server.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      if (!response.ok) throw new Error(`push ${response.status}`);
      await response.arrayBuffer();
    }
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const postgresAfter = target.dataDir ? postgresCpuMs(target.dataDir) : undefined;
    return {
      ms,
      nodeCpuMs: (cpu.user + cpu.system) / 1000,
      ...(postgresBefore !== undefined && postgresAfter !== undefined
        ? { postgresCpuMs: postgresAfter - postgresBefore }
        : {}),
    };
  });
}

/** CPU per 10,000 visits, the size of DESIGN §9's push budget, where the two cores are shared. */
function cpuPer10k(ingest: Ingest, count: number): string {
  const per = (ms: number) => seconds((ms * 10_000) / count);
  const postgres =
    ingest.postgresCpuMs === undefined ? '' : `, PostgreSQL ${per(ingest.postgresCpuMs)}`;
  return `CPU per 10,000: Node ${per(ingest.nodeCpuMs)}${postgres}`;
}

/**
 * The peer runs in its own process: fake-indexeddb, loaded for our device, puts an
 * `indexedDB` global that PouchDB would pick up instead of its memory adapter.
 */
async function pouchReplication(count: number): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    'bench/peer-pouchdb.ts',
    String(count),
    NOTES,
  ]);
  return Number(stdout.trim());
}

export default async function run(): Promise<void> {
  const targets: Target[] = [{ name: 'PGlite' }];
  const postgres = findPostgres();
  let cluster: Awaited<ReturnType<typeof startPgCluster>> | undefined;
  if ('missing' in postgres) console.log(`PostgreSQL skipped: ${postgres.missing}`);
  else {
    cluster = await startPgCluster(postgres);
    targets.push({
      name: 'PostgreSQL',
      databaseUrl: cluster.databaseUrl,
      dataDir: cluster.dataDir,
    });
  }
  const visitBytes = JSON.stringify(
    makeVisit({ answers: { ...makeVisit().answers, notes: NOTES } }),
  ).length;
  console.log(`visit size: ${visitBytes} bytes of JSON`);
  try {
    for (const count of SIZES) {
      // The machine's speed drifts by half within minutes: the peer and ours are measured in
      // turn, round after round, and each ratio compares the two of one round.
      const pouch: number[] = [];
      const pouchInBrowser: number[] = [];
      const browser = new Map<string, Array<{ ms: number; emptiedMs: number }>>(
        targets.map((target) => [target.name, []]),
      );
      for (let round = 0; round < ROUNDS; round += 1) {
        pouch.push(await pouchReplication(count));
        pouchInBrowser.push(await browserPouchReplication(count, NOTES));
        for (const target of targets)
          browser.get(target.name)!.push(await browserPush(target, count, NOTES));
      }
      console.log(
        `${count.toLocaleString('fr-FR')} visits, ${ROUNDS} rounds — PouchDB → express-pouchdb (memory): ${series(pouch)}; ` +
          `PouchDB on IndexedDB in Chromium → the same: ${series(pouchInBrowser)}`,
      );
      for (const target of targets) {
        const runs = browser.get(target.name)!;
        const ours = runs.map((run) => run.ms);
        const push = await ourPush(target, count);
        const ingest = await serverIngest(target, count);
        console.log(
          `  ${target.name.padEnd(10)} Chromium app push ${series(ours)} (${rate(count, median(ours))}); ` +
            `vs PouchDB ${ratios(pouch, ours)}; vs PouchDB in Chromium ${ratios(pouchInBrowser, ours)}; ` +
            `outbox emptied after ${series(runs.map((run) => run.emptiedMs))}`,
        );
        console.log(
          `  ${''.padEnd(10)} Node sync code on fake-indexeddb ${seconds(push)} (${rate(count, push)}); ` +
            `server ingest ${seconds(ingest.ms)} (${rate(count, ingest.ms)}; ${cpuPer10k(ingest, count)})`,
        );
      }
    }
  } finally {
    await cluster?.stop();
  }
}
