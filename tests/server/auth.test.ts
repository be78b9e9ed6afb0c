import { describe, expect, it } from 'vitest';
import { healthResponseSchema } from '../../shared/api';
import { apiErrorCodes } from '../../shared/errors';
import { hashToken } from '../../server/src/auth/tokens';
import { revokeDevice } from '../../server/src/db/queries/devices';
import { BLOIS, MER, errorOf, logIn, newSession, postJson, visitPut } from './support/fixtures';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testDatabases())('health and authentication on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target, { loginBodyLimitBytes: 1024 });

  it('answers health with the kind of database it runs on', async () => {
    const response = await server().app.request('/api/v1/health');
    expect(response.status).toBe(200);
    expect(healthResponseSchema.parse(await response.json())).toEqual({
      status: 'ok',
      database: target.kind,
    });
  });

  it('logs in, registers a new device and keeps only a hash of its token', async () => {
    const session = await newSession(server(), [BLOIS, MER], 'puericultrice');
    expect(session.agent.role).toBe('puericultrice');
    expect(session.agent.siteIds).toEqual([BLOIS, MER].sort());
    expect(Date.parse(session.expiresAt) - server().clock.now.getTime()).toBe(30 * DAY_MS);
    const rows = await server().db.query<{ agent_id: string; name: string; token_hash: string }>(
      'SELECT agent_id, name, token_hash FROM devices WHERE id = $1',
      [session.deviceId],
    );
    expect(rows).toEqual([
      {
        agent_id: session.agent.id,
        name: 'Tablette de test',
        token_hash: hashToken(session.token),
      },
    ]);
    // Logins are not case-sensitive: tablets capitalise the first letter.
    const again = await logIn(server(), session.agent.login.toUpperCase(), session.password);
    expect(again.deviceId).not.toBe(session.deviceId);
    expect(again.token).not.toBe(session.token);
  });

  it('refuses a wrong password and an unknown login with the same 401', async () => {
    const session = await newSession(server(), [BLOIS]);
    const wrong = await postJson(server(), '/api/v1/auth/login', {
      login: session.agent.login,
      password: 'pas-le-bon',
      deviceName: 'x',
    });
    const unknown = await postJson(server(), '/api/v1/auth/login', {
      login: 'personne.inconnue',
      password: 'pas-le-bon',
      deviceName: 'x',
    });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toEqual({
        code: 'invalid_credentials',
        message: apiErrorCodes.invalid_credentials,
      });
    }
  });

  it('answers 400 for a login body that is not JSON or misses fields', async () => {
    const notJson = await postJson(server(), '/api/v1/auth/login', '{"login":');
    expect(notJson.status).toBe(400);
    expect((await errorOf(notJson)).code).toBe('invalid_json');
    const missing = await postJson(server(), '/api/v1/auth/login', { login: 'demo.pmi' });
    expect(missing.status).toBe(400);
    const error = await errorOf(missing);
    expect(error.code).toBe('invalid_body');
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'password' }),
        expect.objectContaining({ path: 'deviceName' }),
      ]),
    );
  });

  it('answers 413 for a login body over its limit', async () => {
    const response = await postJson(server(), '/api/v1/auth/login', {
      login: 'x'.repeat(2000),
      password: 'y',
      deviceName: 'z',
    });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload_too_large');
  });

  it('answers 401 without a token, with an unknown one, and once it has expired', async () => {
    const session = await newSession(server(), [BLOIS]);
    const pullWith = (headers: Record<string, string>) =>
      server().app.request('/api/v1/sync/pull', { headers });
    const cases: Record<string, string>[] = [
      {},
      { authorization: 'Bearer ' + 'A'.repeat(43) },
      { authorization: `Basic ${session.token}` },
      { authorization: 'Bearer' },
    ];
    for (const headers of cases) {
      const response = await pullWith(headers);
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe('unauthorized');
    }
    expect((await pullWith({ authorization: `Bearer ${session.token}` })).status).toBe(200);
    server().clock.advance(30 * DAY_MS + 1);
    const expired = await pullWith({ authorization: `Bearer ${session.token}` });
    expect(expired.status).toBe(401);
    expect((await errorOf(expired)).code).toBe('unauthorized');
  });

  it('answers 403 device_revoked to a device an administrator revoked', async () => {
    const session = await newSession(server(), [BLOIS]);
    await revokeDevice(server().db, session.deviceId, server().clock.now.toISOString());
    const response = await server().app.request('/api/v1/sync/pull', {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('device_revoked');
  });

  it('refuses with 403 a push that names another device than the token’s', async () => {
    const session = await newSession(server(), [BLOIS]);
    const other = await newSession(server(), [BLOIS]);
    const response = await postJson(
      server(),
      '/api/v1/sync/push',
      { v: 1, deviceId: other.deviceId, mutations: [visitPut(BLOIS)] },
      session.token,
    );
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('forbidden');
  });
});
