import { describe, expect, it } from 'vitest';
import { createApiClient, describeError, HttpError, NetworkError } from './api-client';

const respond = (status: number, body: string, contentType = 'application/json') =>
  (async () =>
    new Response(body, { status, headers: { 'content-type': contentType } })) as typeof fetch;

const pushBody = { v: 1 as const, deviceId: '0190f5c6-0000-7000-8000-000000000001', mutations: [] };

describe('api client', () => {
  it('turns a JSON error into an HttpError with the server code', async () => {
    const api = createApiClient({
      fetch: respond(
        401,
        JSON.stringify({ error: { code: 'unauthorized', message: 'Session expirée' } }),
      ),
    });
    const error = await api.push('t', pushBody).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(describeError(error).message).toBe('Session absente ou expirée : reconnectez-vous.');
  });

  it('treats a refused connection, a proxy 502 page and a cut body as network faults to retry', async () => {
    const refused = createApiClient({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    await expect(refused.pull('t', undefined, 10)).rejects.toBeInstanceOf(NetworkError);
    const proxy = createApiClient({ fetch: respond(502, '<html>Bad gateway</html>', 'text/html') });
    await expect(proxy.pull('t', undefined, 10)).rejects.toBeInstanceOf(NetworkError);
    const cut = createApiClient({ fetch: respond(200, '{"v":1,"results":[{"id":') });
    await expect(cut.push('t', pushBody)).rejects.toBeInstanceOf(NetworkError);
  });

  it('sends the bearer token and the cursor', async () => {
    let seen: Request | undefined;
    const api = createApiClient({
      baseUrl: 'http://server.test',
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        seen = new Request(input, init);
        return new Response(
          JSON.stringify({
            v: 1,
            changes: [],
            cursor: 'c9',
            hasMore: false,
            serverTime: '2026-11-23T10:00:00.000Z',
          }),
        );
      }) as typeof fetch,
    });
    const page = await api.pull('secret', 'c8', 50);
    expect(page.cursor).toBe('c9');
    expect(seen?.url).toBe('http://server.test/api/v1/sync/pull?limit=50&cursor=c8');
    expect(seen?.headers.get('authorization')).toBe('Bearer secret');
  });

  it('hands an office document back as the server wrote it, with the token, and its errors typed', async () => {
    const page = '<!doctype html><html><body><h1>Données détenues</h1></body></html>';
    let seen: Request | undefined;
    const api = createApiClient({
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        seen = new Request(new URL(String(input), 'http://server.test'), init);
        return new Response(page, { status: 200, headers: { 'content-type': 'text/html' } });
      }) as typeof fetch,
    });
    expect(await api.officeDocument('secret', '/api/v1/rgpd/persons/p/export?format=html')).toBe(
      page,
    );
    expect(seen?.headers.get('authorization')).toBe('Bearer secret');
    const refused = createApiClient({
      fetch: respond(403, JSON.stringify({ error: { code: 'forbidden', message: 'Interdit' } })),
    });
    await expect(refused.officeDocument('t', '/api/v1/rgpd/x')).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
    });
  });
});
