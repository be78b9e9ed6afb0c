/**
 * The peer of the push benchmark (bench/sync-push.bench.ts), run in its own process:
 * `count` visits replicated by PouchDB (memory adapter) to express-pouchdb (memory adapter)
 * over loopback, the way CHT tablets replicate to CouchDB. Prints the replication time in ms.
 */
import http from 'pouchdb-adapter-http';
import { listenCouch, PeerPouch, visitDocs } from './couch-server';

const PouchDB = PeerPouch.plugin(http);

const count = Number(process.argv[2]);
const notes = process.argv[3] ?? '';
const server = await listenCouch('/');
const local = new PouchDB('device', { adapter: 'memory' });
await local.bulkDocs(visitDocs(count, notes));
const started = performance.now();
await local.replicate.to(`${server.url}/visits`);
console.log(Math.round(performance.now() - started));
server.close();
