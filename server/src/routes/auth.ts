import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type LoginResponse, loginRequestSchema } from '../../../shared/api';
import { uuidv7 } from '../../../shared/uuidv7';
import type { AppDeps } from '../app';
import { dummyPasswordHash } from '../auth/dummy-hash';
import { verifyPassword } from '../auth/password';
import { newToken } from '../auth/tokens';
import { findAgentByLogin, withoutHash } from '../db/queries/agents';
import { insertDevice } from '../db/queries/devices';
import { recoveryKeyFor } from '../db/queries/recovery-keys';
import { ApiError } from '../http/api-error';
import { parseOr400, readJson } from '../http/read-json';

export function authRoutes(deps: AppDeps) {
  return new Hono().post(
    '/login',
    bodyLimit({ maxSize: deps.config.loginBodyLimitBytes, onError: () => tooLarge() }),
    async (c) => {
      const body = parseOr400(loginRequestSchema, await readJson(c), 'invalid_body');
      const agent = await findAgentByLogin(deps.db, body.login.toLowerCase());
      // Always one scrypt, so an unknown login takes as long as a wrong password.
      const valid = await verifyPassword(
        body.password,
        agent?.passwordHash ?? (await dummyPasswordHash()),
      );
      if (!agent || !valid) throw new ApiError(401, 'invalid_credentials');

      const now = deps.now();
      const { token, hash } = newToken();
      const deviceId = uuidv7(now.getTime());
      const expiresAt = new Date(now.getTime() + deps.config.tokenTtlMs).toISOString();
      await insertDevice(deps.db, {
        id: deviceId,
        agentId: agent.id,
        name: body.deviceName,
        token: { hash, expiresAt },
        now: now.toISOString(),
      });
      // The key that lets this agent, and only them, recover the tablet's sealed records.
      const recoveryKey = body.installId
        ? await recoveryKeyFor(deps.db, {
            agentId: agent.id,
            installId: body.installId,
            now: now.toISOString(),
          })
        : undefined;
      return c.json({
        token,
        deviceId,
        expiresAt,
        agent: withoutHash(agent),
        ...(recoveryKey === undefined ? {} : { recoveryKey }),
      } satisfies LoginResponse);
    },
  );
}

function tooLarge(): never {
  throw new ApiError(413, 'payload_too_large');
}
