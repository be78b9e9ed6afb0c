import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import type { Database } from '../../server/src/db/database';
import { errorOf } from './support/fixtures';

/**
 * Static files and error handling need no database: a stub that fails every query stands in
 * for it at its interface, which also proves static serving never touches the database.
 */
function failingDatabase(): Database {
  const fail = () => Promise.reject(new Error('connexion perdue (secret-interne)'));
  return {
    kind: 'postgresql',
    query: fail,
    exec: fail,
    transaction: fail,
    close: () => Promise.resolve(),
  };
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
let root: string;
let dist: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dk-dist-'));
  dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Dernier Kilomètre</title>');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
  writeFileSync(join(dist, 'registerSW.js'), 'navigator.serviceWorker.register("/sw.js");');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Dernier Kilomètre"}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'assets', 'x-3f2a1b.js'), 'export const x = 1;');
  writeFileSync(join(dist, '.env'), 'SECRET=dans-dist');
  writeFileSync(join(root, 'secret.txt'), 'SECRET=hors-dist');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('static files of the built PWA', () => {
  const app = () =>
    createApp({ db: failingDatabase(), config: { distDir: dist }, log: () => undefined });

  it.each([
    ['/', 'text/html', '<!doctype html>'],
    ['/index.html', 'text/html', '<!doctype html>'],
    ['/sw.js', 'text/javascript', 'self.addEventListener'],
    ['/registerSW.js', 'text/javascript', 'navigator.serviceWorker'],
    ['/manifest.webmanifest', 'application/manifest+json', '{"name"'],
    ['/favicon.svg', 'image/svg+xml', '<svg'],
  ])('serves %s as %s, revalidated on every load', async (path, type, start) => {
    const response = await app().request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toMatch(
      new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it('lets browsers keep hashed assets for a year', async () => {
    const response = await app().request('/assets/x-3f2a1b.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toBe(IMMUTABLE);
  });

  it('answers index.html to an unknown app path, but 404 to a missing asset', async () => {
    const page = await app().request('/visites/0190a4e0/recu');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>Dernier Kilomètre</title>');
    const asset = await app().request('/assets/absent-123.js');
    expect(asset.status).toBe(404);
    expect((await errorOf(asset)).code).toBe('not_found');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/.env',
    '/assets/%00x.js',
    '/%E0%A4%A',
  ])('never serves a file outside dist nor a hidden one: %s', async (path) => {
    const response = await app().request(path);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('answers HEAD like GET, without a body', async () => {
    const response = await app().request('/sw.js', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe('');
  });

  it('serves only the API, with JSON 404 elsewhere, when there is no build', async () => {
    const apiOnly = createApp({ db: failingDatabase(), config: { distDir: join(root, 'absent') } });
    const response = await apiOnly.request('/');
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('not_found');
  });
});

describe('unexpected errors', () => {
  it('answers 500 internal_error in JSON, without the cause, and logs the cause', async () => {
    const logs: string[] = [];
    const app = createApp({ db: failingDatabase(), log: (line) => logs.push(line) });
    const response = await app.request('/api/v1/health');
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).not.toMatch(/secret-interne|at .*\.ts/);
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal_error', message: 'Erreur interne du serveur. Réessayez plus tard.' },
    });
    expect(logs.join('\n')).toContain('secret-interne');
  });

  it('sends security headers on every answer', async () => {
    const response = await createApp({ db: failingDatabase() }).request('/api/v1/nothing');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});
