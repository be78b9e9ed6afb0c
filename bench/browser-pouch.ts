import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import { build } from 'vite';
import { launchPersistent } from '../tests/support/browser';
import { makeVisit } from '../tests/support/fixtures';
import { SETTLE_MS } from './browser-push';

const ServerPouch = PouchDB.plugin(memory).plugin(mapreduce).plugin(replication);

interface PouchPeerPage {
  pouchPeer: {
    seed(docs: ReadonlyArray<{ _id: string }>): Promise<void>;
    replicate(url: string): Promise<number>;
  };
}

let bundle: Promise<string> | undefined;

/** bench/pouch-page.ts for the page, built once per run. */
function pageBundle(): Promise<string> {
  bundle ??= (async () => {
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      // PouchDB's browser build needs Node's EventEmitter: the `events` package is its port.
      resolve: { alias: { events: 'events/events.js' } },
      build: {
        write: false,
        minify: true,
        lib: {
          entry: new URL('./pouch-page.ts', import.meta.url).pathname,
          formats: ['iife'],
          name: 'pouchPeer',
          fileName: 'pouch-page',
        },
      },
    });
    for (const result of Array.isArray(output) ? output : [output]) {
      if (!('output' in result)) continue;
      const chunk = result.output.find((item) => item.type === 'chunk');
      if (chunk?.type === 'chunk') return chunk.code;
    }
    throw new Error('bundle introuvable');
  })();
  return bundle;
}

/**
 * The peer as a CHT tablet runs it: `count` visits (their free text: `notes`) stored by
 * PouchDB on IndexedDB in Chromium, then replicated to express-pouchdb (memory adapter) over
 * loopback, the page served by the same server. Returns the replication time in ms, timed in
 * the page; the documents are stored and left to settle first, as for our push
 * (bench/browser-push.ts).
 */
export async function browserPouchReplication(count: number, notes: string): Promise<number> {
  const script = await pageBundle();
  const app = express();
  app.get('/', (_request, response) => {
    response.type('html').send('<!doctype html><script src="/pouch-page.js"></script>');
  });
  app.get('/pouch-page.js', (_request, response) => {
    response.type('text/javascript').send(script);
  });
  app.use(
    '/db',
    expressPouchDB(ServerPouch.defaults({ adapter: 'memory' }), {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
      logPath: join(tmpdir(), 'dk-bench-pouch-browser.log'),
    }),
  );
  const listener = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listener.once('listening', resolve));
  const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'dk-bench-pouch-'));
  const context = await launchPersistent(join(dir, 'profile'));
  try {
    const page = await context.newPage();
    await page.goto(url);
    const docs = Array.from({ length: count }, () => {
      const visit = makeVisit({ answers: { ...makeVisit().answers, notes } });
      return { _id: visit.id, ...visit };
    });
    await page.evaluate((all) => (window as unknown as PouchPeerPage).pouchPeer.seed(all), docs);
    await page.waitForTimeout(SETTLE_MS);
    return await page.evaluate(
      (target) => (window as unknown as PouchPeerPage).pouchPeer.replicate(target),
      `${url}/db/visits`,
    );
  } finally {
    await context.close();
    listener.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
