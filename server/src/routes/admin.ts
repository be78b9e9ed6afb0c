import { Hono } from 'hono';
import { z } from 'zod';
import {
  type AdminDevice,
  createAgentSchema,
  createSiteSchema,
  resetPasswordSchema,
  updateAgentSchema,
  updateSiteSchema,
} from '../../../shared/security/admin-api';
import { siteIdSchema, uuidSchema } from '../../../shared/schemas/common';
import type { AppDeps } from '../app';
import { changeAgent, createAgent, resetPassword } from '../admin/manage-agents';
import { changeSite, createSite } from '../admin/manage-sites';
import { recordAudit } from '../audit/record-audit';
import { requireDevice } from '../auth/require-device';
import { requireRole } from '../auth/require-role';
import { listAgents } from '../db/queries/agents';
import { listDevices, revokeDevice } from '../db/queries/devices';
import { listSites } from '../db/queries/sites';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { pathParam } from '../http/path-param';
import { parseOr400, readJson } from '../http/read-json';

/** The query of GET /devices (exported for the fuzz test, which fuzzes each of its keys). */
export const agentQuerySchema = z.strictObject({ agentId: uuidSchema.optional() });

/**
 * The administrators' API: agents (create, role, sites, disable, new password), sites (add,
 * edit) and devices (list, revoke). Every change is also written in the audit log, so who
 * changed whose access can be found later. Administrators only.
 */
export function adminRoutes(deps: AppDeps) {
  const audit = (
    c: { get(key: 'session'): AppEnv['Variables']['session'] },
    entity: string,
    entityId: string,
    via: string,
  ) => {
    const { agent, deviceId } = c.get('session');
    return recordAudit(deps.db, deps.now(), [
      { agentId: agent.id, deviceId, action: 'write', entity, entityId, via },
    ]);
  };
  return new Hono<AppEnv>()
    .use('*', requireDevice(deps), requireRole('administrateur'))
    .get('/agents', async (c) => c.json({ agents: await listAgents(deps.db) }))
    .post('/agents', async (c) => {
      const body = parseOr400(createAgentSchema, await readJson(c), 'invalid_body');
      const agent = await createAgent(deps.db, body, deps.now());
      await audit(c, 'agent', agent.id, 'POST /api/v1/admin/agents');
      return c.json(agent, 201);
    })
    .patch('/agents/:id', async (c) => {
      const agentId = pathParam(c, 'id', uuidSchema);
      const change = parseOr400(updateAgentSchema, await readJson(c), 'invalid_body');
      const agent = await changeAgent(deps.db, {
        id: agentId,
        change,
        by: c.get('session').agent.id,
        now: deps.now(),
      });
      await audit(c, 'agent', agentId, 'PATCH /api/v1/admin/agents/:id');
      return c.json(agent);
    })
    .post('/agents/:id/password', async (c) => {
      const agentId = pathParam(c, 'id', uuidSchema);
      const body = parseOr400(resetPasswordSchema, await readJson(c), 'invalid_body');
      await resetPassword(deps.db, { id: agentId, password: body.password, now: deps.now() });
      await audit(c, 'agent', agentId, 'POST /api/v1/admin/agents/:id/password');
      return c.body(null, 204);
    })
    .get('/sites', async (c) => c.json({ sites: await listSites(deps.db) }))
    .post('/sites', async (c) => {
      const site = parseOr400(createSiteSchema, await readJson(c), 'invalid_body');
      await createSite(deps.db, site, deps.now());
      await audit(c, 'site', site.id, 'POST /api/v1/admin/sites');
      return c.json(site, 201);
    })
    .patch('/sites/:id', async (c) => {
      const siteId = pathParam(c, 'id', siteIdSchema);
      const change = parseOr400(updateSiteSchema, await readJson(c), 'invalid_body');
      const site = await changeSite(deps.db, siteId, change, deps.now());
      await audit(c, 'site', siteId, 'PATCH /api/v1/admin/sites/:id');
      return c.json(site);
    })
    .get('/devices', async (c) => {
      const query = parseOr400(agentQuerySchema, c.req.query(), 'invalid_query');
      const devices: AdminDevice[] = await listDevices(
        deps.db,
        query.agentId ? { agentId: query.agentId } : {},
      );
      return c.json({ devices });
    })
    .post('/devices/:id/revoke', async (c) => {
      const deviceId = pathParam(c, 'id', uuidSchema);
      if ((await listDevices(deps.db, { deviceId })).length === 0)
        throw new ApiError(404, 'not_found');
      await revokeDevice(deps.db, deviceId, deps.now().toISOString());
      await audit(c, 'device', deviceId, 'POST /api/v1/admin/devices/:id/revoke');
      const [device] = await listDevices(deps.db, { deviceId });
      return c.json(device satisfies AdminDevice | undefined);
    });
}
