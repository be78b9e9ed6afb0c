/**
 * The browser side of the PouchDB peer (bench/browser-pouch.ts), bundled for the page: a
 * PouchDB database on IndexedDB, as a CHT tablet keeps its documents, replicated to a
 * CouchDB-protocol server.
 */
import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

PouchDB.plugin(idb).plugin(http).plugin(replication);

const local = () => new PouchDB('device', { adapter: 'idb' });

/** Stores `docs` on the device, a thousand per request. */
export async function seed(docs: ReadonlyArray<{ _id: string }>): Promise<void> {
  const db = local();
  for (let start = 0; start < docs.length; start += 1_000)
    await db.bulkDocs(docs.slice(start, start + 1_000));
  await db.close();
}

/** Replicates the device's documents to `url`, in ms. */
export async function replicate(url: string): Promise<number> {
  const db = local();
  const started = performance.now();
  await db.replicate.to(url);
  const ms = performance.now() - started;
  await db.close();
  return ms;
}
