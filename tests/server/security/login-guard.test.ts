import { describe, expect, it } from 'vitest';
import { apiErrorCodes } from '../../../shared/errors';
import { DEFAULT_APP_CONFIG } from '../../../server/src/config';
import { BLOIS, errorOf, newSession, pull } from '../support/fixtures';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { send } from './support/send';

const MINUTE_MS = 60 * 1000;

describe.each(testDatabases())('login rate limit, lockout and tokens on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  // Behind a trusted proxy, so each test picks its client address with X-Forwarded-For.
  const server = useTestServer(target, {
    trustProxy: true,
    login: {
      maxFailuresPerLogin: 5,
      lockMs: 15 * MINUTE_MS,
      maxAttemptsPerIp: 8,
      windowMs: 15 * MINUTE_MS,
    },
  });
  let address = 0;
  const newAddress = () => `198.51.100.${++address}`;
  const login = (body: { login: string; password: string }, ip: string) =>
    send(server(), {
      method: 'POST',
      path: '/api/v1/auth/login',
      body: { ...body, deviceName: 'Tablette' },
      headers: { 'x-forwarded-for': `10.0.0.1, ${ip}` },
    });

  it('refuses a ninth attempt from one address with 429, Retry-After and a French message', async () => {
    const ip = newAddress();
    for (let i = 0; i < 8; i += 1) {
      expect((await login({ login: `inconnu.${i}`, password: 'x' }, ip)).status).toBe(401);
    }
    const agent = await newSession(server(), [BLOIS]);
    const refused = await login({ login: agent.agent.login, password: agent.password }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(15 * 60);
    const error = await errorOf(refused);
    expect(error).toEqual({
      code: 'too_many_attempts',
      message: apiErrorCodes.too_many_attempts,
      details: { retryAfterSeconds: 15 * 60 },
    });
    // Another address is not affected, and the first one is free again after the window.
    expect(
      (await login({ login: agent.agent.login, password: agent.password }, newAddress())).status,
    ).toBe(200);
    server().clock.advance(15 * MINUTE_MS + 1000);
    expect((await login({ login: agent.agent.login, password: agent.password }, ip)).status).toBe(
      200,
    );
  });

  it('locks a login after five wrong passwords in a row, even with the right one, then lets it in', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const credentials = { login: agent.agent.login, password: agent.password };
    for (let i = 0; i < 5; i += 1) {
      expect((await login({ ...credentials, password: `faux-${i}` }, newAddress())).status).toBe(
        401,
      );
    }
    server().clock.advance(MINUTE_MS);
    const locked = await login(credentials, newAddress());
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(14 * 60);
    expect((await errorOf(locked)).code).toBe('login_locked');
    // Attempts during the lock do not extend it.
    server().clock.advance(10 * MINUTE_MS);
    expect((await login(credentials, newAddress())).status).toBe(429);
    server().clock.advance(4 * MINUTE_MS + 1000);
    expect((await login(credentials, newAddress())).status).toBe(200);
  });

  it('locks an unknown login the same way, so a lock tells nothing about who exists', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await login({ login: 'personne.absente', password: 'x' }, newAddress())).status).toBe(
        401,
      );
    }
    expect(
      (await errorOf(await login({ login: 'personne.absente', password: 'x' }, newAddress()))).code,
    ).toBe('login_locked');
  });

  it('starts counting again after a successful login', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const credentials = { login: agent.agent.login, password: agent.password };
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 4; i += 1) {
        expect((await login({ ...credentials, password: 'faux' }, newAddress())).status).toBe(401);
      }
      expect((await login(credentials, newAddress())).status).toBe(200);
    }
  });

  it('lifts a lock and ends the old tokens when an administrator sets a new password', async () => {
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    const agent = await newSession(server(), [BLOIS]);
    for (let i = 0; i < 5; i += 1)
      await login({ login: agent.agent.login, password: 'faux' }, newAddress());
    const reset = await send(
      server(),
      {
        method: 'POST',
        path: `/api/v1/admin/agents/${agent.agent.id}/password`,
        body: { password: 'nouveau-mot-de-passe' },
      },
      admin.token,
    );
    expect(reset.status).toBe(204);
    const old = await send(server(), { method: 'GET', path: '/api/v1/sync/pull' }, agent.token);
    expect(old.status).toBe(401);
    expect(
      (await login({ login: agent.agent.login, password: agent.password }, newAddress())).status,
    ).toBe(401);
    expect(
      (await login({ login: agent.agent.login, password: 'nouveau-mot-de-passe' }, newAddress()))
        .status,
    ).toBe(200);
  });

  it('ends the token at logout: refused at once, the device is not revoked', async () => {
    const agent = await newSession(server(), [BLOIS]);
    await pull(server(), agent.token);
    const out = await send(server(), { method: 'POST', path: '/api/v1/auth/logout' }, agent.token);
    expect(out.status).toBe(204);
    const after = await send(server(), { method: 'GET', path: '/api/v1/sync/pull' }, agent.token);
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe('unauthorized');
    const rows = await server().db.query<{
      token_hash: string | null;
      revoked_at: Date | null;
      logged_out_at: Date | null;
    }>('SELECT token_hash, revoked_at, logged_out_at FROM devices WHERE id = $1', [agent.deviceId]);
    expect(rows[0]).toMatchObject({ token_hash: null, revoked_at: null });
    expect(rows[0]?.logged_out_at).not.toBeNull();
  });

  it('refuses a device revoked by an administrator at its very next request', async () => {
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    const agent = await newSession(server(), [BLOIS]);
    await pull(server(), agent.token);
    const revoke = await send(
      server(),
      { method: 'POST', path: `/api/v1/admin/devices/${agent.deviceId}/revoke` },
      admin.token,
    );
    expect(revoke.status).toBe(200);
    const refused = await send(server(), { method: 'GET', path: '/api/v1/sync/pull' }, agent.token);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('device_revoked');
  });

  it('refuses an expired token', async () => {
    const agent = await newSession(server(), [BLOIS]);
    server().clock.advance(DEFAULT_APP_CONFIG.tokenTtlMs + 1);
    const refused = await send(server(), { method: 'GET', path: '/api/v1/sync/pull' }, agent.token);
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).code).toBe('unauthorized');
  });

  it('refuses a disabled agent at login and on every device they had, which are revoked', async () => {
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    const agent = await newSession(server(), [BLOIS]);
    const disable = await send(
      server(),
      { method: 'PATCH', path: `/api/v1/admin/agents/${agent.agent.id}`, body: { disabled: true } },
      admin.token,
    );
    expect(disable.status).toBe(200);
    const device = await send(server(), { method: 'GET', path: '/api/v1/sync/pull' }, agent.token);
    expect((await errorOf(device)).code).toBe('device_revoked');
    const again = await login({ login: agent.agent.login, password: agent.password }, newAddress());
    expect(again.status).toBe(403);
    expect((await errorOf(again)).code).toBe('account_disabled');
    // A wrong password still says only "wrong credentials".
    expect(
      (await errorOf(await login({ login: agent.agent.login, password: 'faux' }, newAddress())))
        .code,
    ).toBe('invalid_credentials');
  });
});
