import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { build } from 'vite';
import { launchPersistent } from '../tests/support/browser';
import { SETTLE_MS } from './browser-push';
import { listenCouch, visitDocs } from './couch-server';

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
  const server = await listenCouch('/db', app);
  const dir = mkdtempSync(join(tmpdir(), 'dk-bench-pouch-'));
  const context = await launchPersistent(join(dir, 'profile'));
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const docs = visitDocs(count, notes);
    await page.evaluate((all) => (window as unknown as PouchPeerPage).pouchPeer.seed(all), docs);
    await page.waitForTimeout(SETTLE_MS);
    return await page.evaluate(
      (target) => (window as unknown as PouchPeerPage).pouchPeer.replicate(target),
      `${server.url}/db/visits`,
    );
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
