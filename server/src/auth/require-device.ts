import type { MiddlewareHandler } from 'hono';
import type { Database } from '../db/database';
import { findAgentById } from '../db/queries/agents';
import { findDeviceByTokenHash, touchDevice } from '../db/queries/devices';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { hashToken } from './tokens';

/** `last_seen_at` is written at most this often per device, not on every request. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000; // 5 minutes
const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/**
 * Resolves `Authorization: Bearer <token>` to the agent and device, or refuses: 401
 * `unauthorized` for a missing, unknown (logged out) or expired token; 403 `device_revoked` for
 * a device an administrator revoked, so the app can tell it apart from an expired session and
 * wipe itself; 403 `account_disabled` for an agent an administrator disabled.
 */
export function requireDevice(deps: { db: Database; now: () => Date }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!token) throw new ApiError(401, 'unauthorized');
    const device = await findDeviceByTokenHash(deps.db, hashToken(token));
    if (!device) throw new ApiError(401, 'unauthorized');
    if (device.revokedAt) throw new ApiError(403, 'device_revoked');
    if (device.agentDisabled) throw new ApiError(403, 'account_disabled');
    const now = deps.now();
    if (Date.parse(device.expiresAt) <= now.getTime()) throw new ApiError(401, 'unauthorized');
    const agent = await findAgentById(deps.db, device.agentId);
    if (!agent) throw new ApiError(401, 'unauthorized');
    if (now.getTime() - Date.parse(device.lastSeenAt) > LAST_SEEN_RESOLUTION_MS) {
      await touchDevice(deps.db, device.deviceId, now.toISOString());
    }
    c.set('session', { agent, deviceId: device.deviceId });
    await next();
  };
}
