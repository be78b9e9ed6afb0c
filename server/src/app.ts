import { Hono } from 'hono';
import { installFrenchValidationMessages } from '../../shared/zod-locale';
import { type AppConfig, DEFAULT_APP_CONFIG } from './config';
import type { Database } from './db/database';
import { limitBody } from './http/body-limits';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { apiFallback } from './http/method-not-allowed';
import { securityHeaders } from './http/security-headers';
import { staticFiles } from './http/static-files';
import { adminRoutes } from './routes/admin';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { ficheRoutes } from './routes/fiche';
import { formRoutes } from './routes/forms';
import { personRoutes } from './routes/persons';
import { guideRoutes } from './routes/guide';
import { healthRoutes } from './routes/health';
import { pilotageRoutes } from './routes/pilotage';
import { rgpdRoutes } from './routes/rgpd';
import { syncRoutes } from './routes/sync';

/** Routes that set their own, larger, body limit. */
const OWN_BODY_LIMIT = new Set(['/api/v1/sync/push', '/api/v1/guide/import', '/api/v1/forms']);

export interface AppDeps {
  db: Database;
  config: AppConfig;
  now: () => Date;
  log: (line: string) => void;
}

/**
 * The whole HTTP surface; the server keeps no state of its own, everything is in `db`.
 * Also switches zod to French messages (process-wide), so `details` are readable by agents.
 */
export function createApp(input: {
  db: Database;
  config?: Partial<AppConfig>;
  now?: () => Date;
  log?: (line: string) => void;
}) {
  installFrenchValidationMessages();
  const deps: AppDeps = {
    db: input.db,
    config: { ...DEFAULT_APP_CONFIG, ...input.config },
    now: input.now ?? (() => new Date()),
    log: input.log ?? ((line) => console.error(line)),
  };
  const app = new Hono();
  app.onError(errorHandler(deps.log));
  app.notFound(notFoundHandler);
  app.use('*', securityHeaders({ trustProxy: deps.config.trustProxy }));
  // Every route has a body limit: this one, or its own larger one (uploads, push).
  const defaultLimit = limitBody(deps.config.defaultBodyLimitBytes);
  app.use('*', (c, next) => (OWN_BODY_LIMIT.has(c.req.path) ? next() : defaultLimit(c, next)));
  // API answers are about one agent at one moment: no browser, proxy or service worker keeps them.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.route('/api/v1/health', healthRoutes(deps));
  app.route('/api/v1/auth', authRoutes(deps));
  app.route('/api/v1/sync', syncRoutes(deps));
  app.route('/api/v1/guide', guideRoutes(deps));
  app.route('/api/v1/forms', formRoutes(deps));
  app.route('/api/v1/persons', personRoutes(deps));
  app.route('/api/v1/pilotage', pilotageRoutes(deps));
  app.route('/api/v1/admin', adminRoutes(deps));
  app.route('/api/v1/audit', auditRoutes(deps));
  app.route('/api/v1/rgpd', rgpdRoutes(deps));
  app.route('/fiche', ficheRoutes(deps));
  app.all('/api/*', apiFallback(app as never));
  if (deps.config.distDir) app.get('*', staticFiles(deps.config.distDir));
  return app;
}

export type App = ReturnType<typeof createApp>;
