import { describe, expect, it } from 'vitest';
import { BLOIS, count, errorOf, newSession, postJson, visitPut } from './support/fixtures';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

const PUSH_LIMIT_BYTES = 64 * 1024;

describe.each(testDatabases())('malformed push requests on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target, { pushBodyLimitBytes: PUSH_LIMIT_BYTES });

  it('answers 400 invalid_json to a body that is not JSON', async () => {
    const session = await newSession(server(), [BLOIS]);
    const response = await postJson(server(), '/api/v1/sync/push', '{"v":1,', session.token);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({
      code: 'invalid_json',
      message: expect.any(String),
    });
  });

  it('answers 400 unsupported_protocol to another protocol version', async () => {
    const session = await newSession(server(), [BLOIS]);
    const body = { v: 2, deviceId: session.deviceId, mutations: [visitPut(BLOIS)] };
    const response = await postJson(server(), '/api/v1/sync/push', body, session.token);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({
      code: 'unsupported_protocol',
      details: { supported: [1] },
    });
  });

  it.each([
    ['mutations is not an array', { mutations: 'toutes' }, ['mutations']],
    ['the batch is empty', { mutations: [] }, ['mutations']],
    [
      'a mutation id is not a UUID',
      { mutations: [{ ...visitPut(BLOIS), id: 'abc' }] },
      ['mutations.0.id'],
    ],
    [
      'an operation is unknown',
      { mutations: [visitPut(BLOIS), { ...visitPut(BLOIS), op: 'patch' }] },
      ['mutations.1.op'],
    ],
    ['the body is an array', [], ['']],
  ])('answers 400 invalid_body with the failing paths when %s', async (_label, patch, paths) => {
    const session = await newSession(server(), [BLOIS]);
    const body = Array.isArray(patch) ? patch : { v: 1, deviceId: session.deviceId, ...patch };
    const visits = await count(server().db, 'visits');
    const response = await postJson(server(), '/api/v1/sync/push', body, session.token);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_body');
    expect((error.details as { path: string }[]).map((issue) => issue.path)).toEqual(paths);
    expect(await count(server().db, 'visits')).toBe(visits);
  });

  it('answers 413 to a push over the size limit, with or without Content-Length, and applies nothing', async () => {
    const session = await newSession(server(), [BLOIS]);
    const big = visitPut(BLOIS, { notes: 'x'.repeat(PUSH_LIMIT_BYTES) });
    const body = JSON.stringify({ v: 1, deviceId: session.deviceId, mutations: [big] });
    const withLength: Record<string, string>[] = [
      { 'content-length': String(Buffer.byteLength(body)) },
      {},
    ];
    for (const length of withLength) {
      const response = await server().app.request('/api/v1/sync/push', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${session.token}`,
          ...length,
        },
        body,
      });
      expect(response.status).toBe(413);
      expect((await errorOf(response)).code).toBe('payload_too_large');
    }
    const rows = await server().db.query('SELECT 1 FROM visits WHERE id = $1', [big.entityId]);
    expect(rows).toHaveLength(0);
  });

  it('answers a JSON 404 to an unknown API path, and 405 with Allow to a wrong method', async () => {
    const session = await newSession(server(), [BLOIS]);
    const headers = { authorization: `Bearer ${session.token}` };
    for (const path of ['/api/v1/nothing-here', '/api']) {
      const response = await server().app.request(path, { headers });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await errorOf(response)).code).toBe('not_found');
    }
    for (const [method, path, allow] of [
      ['GET', '/api/v1/sync/push', 'POST'],
      ['DELETE', '/api/v1/auth/login', 'POST'],
    ] as const) {
      const response = await server().app.request(path, { method, headers });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toContain(allow);
      expect((await errorOf(response)).code).toBe('method_not_allowed');
    }
  });
});
