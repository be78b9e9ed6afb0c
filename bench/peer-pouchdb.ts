/**
 * The peer of the push benchmark (bench/sync-push.bench.ts), run in its own process:
 * `count` visits replicated by PouchDB (memory adapter) to express-pouchdb (memory adapter)
 * over loopback, the way CHT tablets replicate to CouchDB. Prints the replication time in ms.
 */
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import { makeVisit } from '../tests/support/fixtures';

PouchDB.plugin(memory).plugin(http).plugin(replication).plugin(mapreduce);

const count = Number(process.argv[2]);
const notes = process.argv[3] ?? '';
const app = express();
app.use(
  '/',
  expressPouchDB(PouchDB.defaults({ adapter: 'memory' }), {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: join(tmpdir(), 'dk-bench-pouch.log'),
  }),
);
const listener = app.listen(0, '127.0.0.1');
await new Promise((resolve) => listener.once('listening', resolve));
const { port } = listener.address() as AddressInfo;
const local = new PouchDB('device', { adapter: 'memory' });
await local.bulkDocs(
  Array.from({ length: count }, () => {
    const visit = makeVisit({ answers: { ...makeVisit().answers, notes } });
    return { _id: visit.id, ...visit };
  }),
);
const started = performance.now();
await local.replicate.to(`http://127.0.0.1:${port}/visits`);
console.log(Math.round(performance.now() - started));
listener.close();
