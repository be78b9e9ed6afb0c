import { Hono } from 'hono';
import { pilotageQuerySchema } from '../../../shared/pilotage/query';
import type { AppDeps } from '../app';
import { requireDevice } from '../auth/require-device';
import { requireRole } from '../auth/require-role';
import type { AppEnv } from '../http/app-env';
import { parseOr400 } from '../http/read-json';
import { buildPilotageReport } from '../pilotage/build-report';

/**
 * The Pilotage figures, for cadres and administrators, online only. An administrator may ask
 * for the whole département, a territory or an MDS; a cadre for the territories of their own
 * sites (server/src/pilotage/pilotage-scope.ts). Figures are aggregates, masked below 5.
 */
export function pilotageRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requireDevice(deps), requireRole('cadre', 'administrateur'))
    .get('/', async (c) => {
      const query = parseOr400(pilotageQuerySchema, c.req.query(), 'invalid_query');
      return c.json(await buildPilotageReport(deps.db, c.get('session').agent, query, deps.now()));
    });
}
