import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { installFrenchValidationMessages } from '../../shared/zod-locale';
import { type AppConfig, DEFAULT_APP_CONFIG } from './config';
import type { Database } from './db/database';
import { errorBody } from './http/api-error';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { staticFiles } from './http/static-files';
import { authRoutes } from './routes/auth';
import { ficheRoutes } from './routes/fiche';
import { formRoutes } from './routes/forms';
import { guideRoutes } from './routes/guide';
import { healthRoutes } from './routes/health';
import { pilotageRoutes } from './routes/pilotage';
import { syncRoutes } from './routes/sync';

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
  app.use('*', secureHeaders());
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
  app.route('/api/v1/pilotage', pilotageRoutes(deps));
  app.route('/fiche', ficheRoutes(deps));
  app.all('/api/*', (c) => c.json(errorBody('not_found'), 404));
  if (deps.config.distDir) app.get('*', staticFiles(deps.config.distDir));
  return app;
}

export type App = ReturnType<typeof createApp>;
