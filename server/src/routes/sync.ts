import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  PROTOCOL_VERSION,
  type PullResponse,
  type PushResponse,
  pullQuerySchema,
  pushRequestSchema,
} from '../../../shared/sync/protocol-v1';
import type { AppDeps } from '../app';
import { requireDevice } from '../auth/require-device';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { parseOr400, readJson } from '../http/read-json';
import { applyPush } from '../sync/apply-push';
import { buildPull } from '../sync/build-pull';
import { decodeCursor, encodeCursor, START_CURSOR_SEQ } from '../sync/cursor';

export function syncRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requireDevice(deps))
    .post(
      '/push',
      bodyLimit({
        maxSize: deps.config.pushBodyLimitBytes,
        onError: () => {
          throw new ApiError(413, 'payload_too_large');
        },
      }),
      async (c) => {
        const body = await readJson(c);
        if (
          typeof body === 'object' &&
          body !== null &&
          'v' in body &&
          body.v !== PROTOCOL_VERSION
        ) {
          throw new ApiError(400, 'unsupported_protocol', { supported: [PROTOCOL_VERSION] });
        }
        const request = parseOr400(pushRequestSchema, body, 'invalid_body');
        const { agent, deviceId } = c.get('session');
        if (request.deviceId !== deviceId) throw new ApiError(403, 'forbidden');
        const now = deps.now();
        const results = await applyPush(deps.db, {
          agent,
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
      },
    )
    .get('/pull', async (c) => {
      const query = parseOr400(pullQuerySchema, c.req.query(), 'invalid_query');
      const afterSeq = query.cursor ? decodeCursor(query.cursor) : START_CURSOR_SEQ;
      if (afterSeq === undefined) {
        throw new ApiError(400, 'invalid_query', [{ path: 'cursor', message: 'Curseur inconnu.' }]);
      }
      const now = deps.now();
      const { agent } = c.get('session');
      const page = await buildPull(deps.db, {
        siteIds: agent.siteIds,
        afterSeq,
        limit: query.limit,
      });
      return c.json({
        v: PROTOCOL_VERSION,
        changes: page.changes,
        cursor: encodeCursor(page.lastSeq),
        hasMore: page.hasMore,
        serverTime: now.toISOString(),
      } satisfies PullResponse);
    });
}
