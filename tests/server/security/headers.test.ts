import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorCodes } from '../../../shared/errors';
import { API_CSP, APP_CSP } from '../../../server/src/http/security-headers';
import { BLOIS, errorOf, newSession } from '../support/fixtures';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { send } from './support/send';

let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'dk-headers-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Dernier Kilomètre</title>');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe.each(testDatabases())('security headers and HTTP errors on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target, { distDir: undefined, defaultBodyLimitBytes: 1024 });
  const behindProxy = useTestServer(target, { trustProxy: true });

  it('sends the strict app policy on the app, a no-content policy on the API, and the rest everywhere', async () => {
    const { createApp } = await import('../../../server/src/app');
    const app = createApp({ db: server().db, config: { distDir: dist } });
    for (const [path, csp] of [
      ['/', APP_CSP],
      ['/visites', APP_CSP],
      ['/api/v1/health', API_CSP],
      ['/api/v1/absent', API_CSP],
    ] as const) {
      const response = await app.request(path);
      expect(response.headers.get('content-security-policy')).toBe(csp);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
    expect(APP_CSP).toContain("script-src 'self';");
    expect(APP_CSP).not.toContain('unsafe-inline');
    expect(APP_CSP).toContain("frame-ancestors 'none'");
  });

  it('keeps the public service sheet’s own policy', async () => {
    const response = await server().app.request('/fiche/absent');
    expect(response.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'sha256-/,
    );
  });

  it('sends HSTS only over HTTPS: direct, or told by a trusted proxy', async () => {
    const forwarded = { 'x-forwarded-proto': 'https' };
    const untrusted = await server().app.request('/api/v1/health', { headers: forwarded });
    expect(untrusted.headers.get('strict-transport-security')).toBeNull();
    const trusted = await behindProxy().app.request('/api/v1/health', { headers: forwarded });
    expect(trusted.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    const direct = await server().app.request('https://dk.example/api/v1/health');
    expect(direct.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('answers 405 in JSON with Allow for a known path and a wrong method, 404 in JSON for an unknown path', async () => {
    // Behind authentication: without a token, every method of a protected path is 401.
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    expect((await send(server(), { method: 'DELETE', path: '/api/v1/sync/pull' })).status).toBe(
      401,
    );
    const wrong = await send(
      server(),
      { method: 'DELETE', path: '/api/v1/sync/pull' },
      admin.token,
    );
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
    expect(await errorOf(wrong)).toEqual({
      code: 'method_not_allowed',
      message: apiErrorCodes.method_not_allowed,
    });
    const withParam = await send(
      server(),
      { method: 'GET', path: '/api/v1/admin/agents/0190a4e0-0000-7000-8000-000000000000' },
      admin.token,
    );
    expect(withParam.status).toBe(405);
    expect(withParam.headers.get('allow')).toBe('PATCH');
    const unknown = await send(
      server(),
      { method: 'GET', path: '/api/v1/nulle-part' },
      admin.token,
    );
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('not_found');
  });

  it('limits the body of every route, before authentication reads it', async () => {
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    for (const path of [
      '/api/v1/admin/agents',
      '/api/v1/auth/logout',
      '/api/v1/rgpd/purge',
      '/api/v1/health',
    ]) {
      const response = await send(
        server(),
        { method: 'POST', path, body: JSON.stringify({ x: 'y'.repeat(2048) }) },
        admin.token,
      );
      expect(response.status).toBe(413);
      expect((await errorOf(response)).code).toBe('payload_too_large');
    }
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    const response = await send(
      server(),
      { method: 'POST', path: '/api/v1/admin/sites', body: '{"id":' },
      admin.token,
    );
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('invalid_json');
  });
});
