import { Hono } from 'hono';
import { auditQuerySchema } from '../../../shared/security/audit-api';
import type { AppDeps } from '../app';
import { readAuditLog } from '../audit/read-audit-log';
import { requireDevice } from '../auth/require-device';
import { requireRole } from '../auth/require-role';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { parseOr400 } from '../http/read-json';

/**
 * GET /api/v1/audit: who read and who wrote the records of people. A cadre reads the log of
 * their own sites (asking for another site is 403); an administrator reads all of it,
 * including the changes made to accounts and devices.
 */
export function auditRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requireDevice(deps), requireRole('cadre', 'administrateur'))
    .get('/', async (c) => {
      const query = parseOr400(auditQuerySchema, c.req.query(), 'invalid_query');
      const { agent } = c.get('session');
      const siteIds = agent.role === 'administrateur' ? null : agent.siteIds;
      if (siteIds && query.siteId && !siteIds.includes(query.siteId))
        throw new ApiError(403, 'forbidden');
      return c.json(await readAuditLog(deps.db, query, siteIds));
    });
}
