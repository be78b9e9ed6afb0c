import { roleLabels } from '../../shared/schemas/agent';
import { DEMO_AGENTS, DEMO_PASSWORD } from './seed/demo-agents';
import { startServer } from './start';

/**
 * `npm start` / `npm run serve`. Environment: PORT (8080), DATA_DIR (./data), DATABASE_URL
 * (PostgreSQL instead of the embedded database), DIST_DIR (./dist), NODE_ENV, TRUST_PROXY (1
 * behind a reverse proxy that terminates TLS: client address from X-Forwarded-For, HSTS). In production
 * nothing is seeded and the server refuses to start while demo agents are in the database.
 */
const env = process.env;
const production = env.NODE_ENV === 'production';
const port = Number(env.PORT ?? 8080);

if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT invalide : ${env.PORT}`);
  process.exit(1);
}

try {
  const server = await startServer({
    port,
    dataDir: env.DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    distDir: env.DIST_DIR || './dist',
    demo: !production,
    production,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  });
  console.info(`Dernier Kilomètre : ${server.url} (base ${server.db.kind})`);
  if (!production) {
    console.info(`Comptes de démonstration, mot de passe « ${DEMO_PASSWORD} » :`);
    for (const agent of DEMO_AGENTS)
      console.info(`  ${agent.login.padEnd(16)} ${agent.displayName} (${roleLabels[agent.role]})`);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.info('Arrêt du serveur…');
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
