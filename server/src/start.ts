import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app';
import type { Database } from './db/database';
import { countDemoAgents } from './db/queries/agents';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open-database';
import { seedBuiltinForms } from './forms/seed-builtin-forms';
import { publishAgentProfiles } from './persons/agent-profiles';
import { seedDemo } from './seed/demo';
import { seedDemoPilotage } from './seed/demo-pilotage';

export interface StartOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Interface to listen on; all of them when undefined. */
  host?: string;
  /** Where the embedded database lives when there is no `databaseUrl`. Default ./data. */
  dataDir?: string;
  /** postgres://…: use this PostgreSQL instead of the embedded database. */
  databaseUrl?: string;
  /** The built PWA. Default ./dist; only the API is served when it holds no index.html. */
  distDir?: string;
  /** Seed the demo data (idempotent). Never together with `production`. */
  demo?: boolean;
  /** Refuse to start while demo agents, whose password is public, are in the database. */
  production?: boolean;
  /** Behind a TLS reverse proxy (TRUST_PROXY): forwarded address and protocol, HSTS. */
  trustProxy?: boolean;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  /** Stops listening, lets requests in flight finish (a few seconds at most), closes the database. */
  close(): Promise<void>;
}

const DEFAULT_PORT = 8080;
/** How long close() waits for requests in flight before cutting their connections. */
const CLOSE_GRACE_MS = 5_000; // 5 s

/** What `npm start` runs: database, migrations, demo seed, then HTTP. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? ((line: string) => console.info(line));
  if (opts.demo && opts.production)
    throw new Error('Pas de données de démonstration en production.');
  const db = await openDatabase({
    databaseUrl: opts.databaseUrl,
    dataDir: opts.dataDir ?? './data',
  });
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log(`Migrations appliquées : ${applied.join(', ')}`);
    const forms = await seedBuiltinForms(db, new Date());
    if (forms > 0) log(`Formulaires publiés : ${forms}.`);
    if (opts.production && (await countDemoAgents(db)) > 0) {
      throw new Error(
        'Des comptes de démonstration (mot de passe public) sont présents : refus de démarrer en production. ' +
          'Utilisez une base sans données de démonstration.',
      );
    }
    if (opts.demo) {
      const added = await seedDemo(db, new Date());
      log(
        `Démonstration : ${added.sites} sites, ${added.agents} agents, ${added.visits} visites, ${added.persons} personnes ajoutés.`,
      );
      const sample = await seedDemoPilotage(db, new Date());
      if (sample > 0) log(`Démonstration : ${sample} visites d’exemple pour le pilotage.`);
    }
    await publishAgentProfiles(db);
    const distDir = opts.distDir ?? './dist';
    if (!existsSync(join(distDir, 'index.html'))) {
      log(`Pas d’application construite dans ${distDir} : seule l’API est servie (npm run build).`);
    }
    const app = createApp({ db, config: { distDir, trustProxy: opts.trustProxy ?? false }, log });
    const server = await listen(app.fetch, opts.port ?? DEFAULT_PORT, opts.host);
    const { port } = tcpAddress(server);
    const host =
      !opts.host || opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      db,
      async close() {
        await stopListening(server);
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname?: string,
) {
  return new Promise<ServerType>((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    server.once('error', reject);
  });
}

function tcpAddress(server: ServerType): AddressInfo {
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('Le serveur n’écoute pas en TCP.');
  return address;
}

function stopListening(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, CLOSE_GRACE_MS);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}
