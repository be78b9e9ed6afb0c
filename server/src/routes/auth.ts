import { Hono } from 'hono';
import { type LoginResponse, loginRequestSchema } from '../../../shared/api';
import { uuidv7 } from '../../../shared/uuidv7';
import type { AppDeps } from '../app';
import { dummyPasswordHash } from '../auth/dummy-hash';
import { admitLoginAttempt, settleLoginOutcome } from '../auth/login-guard';
import { verifyPassword } from '../auth/password';
import { requireDevice } from '../auth/require-device';
import { newToken } from '../auth/tokens';
import { findAgentByLogin, withoutHash } from '../db/queries/agents';
import { endDeviceToken, insertDevice } from '../db/queries/devices';
import { recoveryKeyFor } from '../db/queries/recovery-keys';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { limitBody } from '../http/body-limits';
import { clientAddress } from '../http/client-address';
import { parseOr400, readJson } from '../http/read-json';

/**
 * POST /login: password check (scrypt), guarded by a rate limit per client address and a
 * lockout per login (auth/login-guard.ts, 429 with Retry-After); registers the device and
 * gives its token once (the server keeps its SHA-256). POST /logout ends the calling token.
 */
export function authRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/login', limitBody(deps.config.loginBodyLimitBytes), async (c) => {
      const body = parseOr400(loginRequestSchema, await readJson(c), 'invalid_body');
      const login = body.login.toLowerCase();
      const ip = clientAddress(c, deps.config.trustProxy);
      const now = deps.now();
      const admission = await admitLoginAttempt(deps.db, deps.config.login, { login, ip, now });
      if (admission.kind === 'refused') {
        const { refusal } = admission;
        throw new ApiError(
          429,
          refusal.code,
          { retryAfterSeconds: refusal.retryAfterS },
          {
            'Retry-After': String(refusal.retryAfterS),
          },
        );
      }
      const agent = await findAgentByLogin(deps.db, login);
      // Always one scrypt, so an unknown login takes as long as a wrong password.
      const valid = await verifyPassword(
        body.password,
        agent?.passwordHash ?? (await dummyPasswordHash()),
      );
      await settleLoginOutcome(
        deps.db,
        admission.attemptId,
        agent && valid ? 'success' : 'failure',
      );
      if (!agent || !valid) throw new ApiError(401, 'invalid_credentials');
      if (agent.disabledAt) throw new ApiError(403, 'account_disabled');

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
    })
    .post(
      '/logout',
      requireDevice(deps),
      limitBody(deps.config.defaultBodyLimitBytes),
      async (c) => {
        await endDeviceToken(deps.db, c.get('session').deviceId, deps.now().toISOString());
        return c.body(null, 204);
      },
    );
}
