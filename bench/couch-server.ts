import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type Express } from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import { makeVisit } from '../tests/support/fixtures';

/**
 * PouchDB with its memory adapter, map/reduce and replication. A plugin extends PouchDB itself,
 * once per process (a second `plugin(replication)` throws): add others to this one.
 */
export const PeerPouch = PouchDB.plugin(memory).plugin(mapreduce).plugin(replication);

/**
 * The peer's server, as CHT tablets replicate to CouchDB: express-pouchdb on PouchDB's memory
 * adapter, mounted at `mount` of `app` (after the routes `app` already has), listening on
 * loopback. Returns its base URL.
 */
export async function listenCouch(
  mount: string,
  app: Express = express(),
): Promise<{ url: string; close: () => void }> {
  app.use(
    mount,
    expressPouchDB(PeerPouch.defaults({ adapter: 'memory' }), {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
      logPath: join(tmpdir(), 'dk-bench-pouch.log'),
    }),
  );
  const listener = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listener.once('listening', resolve));
  const { port } = listener.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => listener.close() };
}

/** `count` visits as the peer stores them: one document each, keyed by the visit's id. */
export function visitDocs(count: number, notes: string): Array<{ _id: string }> {
  return Array.from({ length: count }, () => {
    const visit = makeVisit({ answers: { ...makeVisit().answers, notes } });
    return { _id: visit.id, ...visit };
  });
}
