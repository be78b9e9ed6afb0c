import { Hono } from 'hono';
import {
  PROTOCOL_VERSION,
  type PullResponse,
  type PushResponse,
  pullQuerySchema,
  pushRequestSchema,
} from '../../../shared/sync/protocol-v1';
import type { AppDeps } from '../app';
import { recordAudit } from '../audit/record-audit';
import { personDataSites } from '../auth/access-policy';
import { requireDevice } from '../auth/require-device';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { limitBody } from '../http/body-limits';
import { parseOr400, readJson } from '../http/read-json';
import { applyPush } from '../sync/apply-push';
import { buildPull } from '../sync/build-pull';
import { decodeCursor, encodeCursor, START_CURSOR_SEQ } from '../sync/cursor';

export function syncRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requireDevice(deps))
    .post('/push', limitBody(deps.config.pushBodyLimitBytes), async (c) => {
      const body = await readJson(c);
      if (typeof body === 'object' && body !== null && 'v' in body && body.v !== PROTOCOL_VERSION) {
        throw new ApiError(400, 'unsupported_protocol', { supported: [PROTOCOL_VERSION] });
      }
      const request = parseOr400(pushRequestSchema, body, 'invalid_body');
      const { agent, deviceId } = c.get('session');
      if (request.deviceId !== deviceId) throw new ApiError(403, 'forbidden');
      const now = deps.now();
      // Writes only where the agent may (auth/access-policy.ts); the entity handlers check
      // each record's site against these, and the database logs each accepted write.
      const results = await applyPush(deps.db, {
        agent: { ...agent, siteIds: personDataSites(agent) },
        deviceId,
        mutations: request.mutations,
        now,
        log: deps.log,
      });
      return c.json({
        v: PROTOCOL_VERSION,
        results,
        serverTime: now.toISOString(),
      } satisfies PushResponse);
    })
    .get('/pull', async (c) => {
      const query = parseOr400(pullQuerySchema, c.req.query(), 'invalid_query');
      const afterSeq = query.cursor ? decodeCursor(query.cursor) : START_CURSOR_SEQ;
      if (afterSeq === undefined) {
        throw new ApiError(400, 'invalid_query', [{ path: 'cursor', message: 'Curseur inconnu.' }]);
      }
      const now = deps.now();
      const { agent, deviceId } = c.get('session');
      const page = await buildPull(deps.db, {
        agentId: agent.id,
        siteIds: personDataSites(agent),
        afterSeq,
        limit: query.limit,
      });
      // Logged before sending: a page the log does not know about never leaves the server.
      await recordAudit(
        deps.db,
        now,
        page.siteRecords.map((r) => ({
          ...r,
          agentId: agent.id,
          deviceId,
          action: 'read',
          via: 'pull',
        })),
      );
      return c.json({
        v: PROTOCOL_VERSION,
        changes: page.changes,
        cursor: encodeCursor(page.lastSeq),
        hasMore: page.hasMore,
        serverTime: now.toISOString(),
      } satisfies PullResponse);
    });
}
