import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/start';
import { launchPersistent } from '../support/browser';
import type { Page } from 'playwright-core';
import { copyDemoData } from '../support/demo-data';
import { logIn, unlock } from '../support/e2e-app';
import { freePort } from '../support/server-process';

/**
 * Issue "Sync that survives the field": a new app version is deployed while a tablet holds
 * unsent visits and a draft. The new version waits, is offered, is applied only when no form is
 * open, and the visits then sync; the draft is still there.
 *
 * The new version also changes the device's schema: it is built from a copy of the source whose
 * AppDB declares one more Dexie version (new indexes on the outbox and the drafts, and an upgrade
 * that rewrites every existing outbox row and draft), so the update runs a real migration over
 * the waiting records. Nothing test-only enters the production source.
 */
let workDir: string;
let port: number;

/** A production build of `root`, in its own process as `npm run build` does it. */
async function buildVersion(id: string, root = process.cwd()): Promise<string> {
  const outDir = join(workDir, id);
  const { NODE_ENV: _vitestMode, ...env } = process.env; // vitest sets "test", which would build a dev app
  await promisify(execFile)(
    process.execPath,
    [
      join(process.cwd(), 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: root, env: { ...env, DK_BUILD_ID: id } },
  );
  return outDir;
}

/**
 * A copy of the app's source whose AppDB declares the next Dexie version: an index more on the
 * outbox and on the drafts, and an upgrade that marks every existing outbox row and draft and
 * records how many it migrated in `meta` (`schema-test-migrated`).
 */
function sourceWithNextSchema(): { root: string; version: number } {
  const root = join(workDir, 'source-next');
  mkdirSync(root);
  for (const entry of [
    'index.html',
    'package.json',
    'vite.config.ts',
    'tsconfig.json',
    'tsconfig.base.json',
  ])
    cpSync(entry, join(root, entry));
  for (const dir of ['src', 'shared', 'public']) cpSync(dir, join(root, dir), { recursive: true });
  symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'), 'dir');
  const file = join(root, 'src/db/AppDB.ts');
  const source = readFileSync(file, 'utf8');
  const version =
    Math.max(...[...source.matchAll(/this\.version\((\d+)\)/g)].map((m) => Number(m[1]))) + 1;
  const end = source.lastIndexOf('\n  }\n}');
  const next = `
    this.version(${version})
      .stores({ outbox: 'id, [status+seq], entityId, attempts', drafts: 'id, updatedAt, formId' })
      .upgrade(async (tx) => {
        const outbox = await tx.table('outbox').toCollection().modify((row) => {
          row.migratedTo = ${version};
        });
        const drafts = await tx.table('drafts').toCollection().modify((row) => {
          row.migratedTo = ${version};
        });
        await tx.table('meta').put({ key: 'schema-test-migrated', value: { outbox, drafts } });
      });`;
  writeFileSync(file, source.slice(0, end) + next + source.slice(end));
  return { root, version };
}

/** The device database's IndexedDB version, and what the test migration recorded. */
function deviceSchema(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ version: number; migrated: unknown; outbox: unknown[] }>((resolve, reject) => {
        const open = indexedDB.open('dernier-km');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['meta', 'outbox']);
          const migrated = tx.objectStore('meta').get('schema-test-migrated');
          const outbox = tx.objectStore('outbox').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              version: db.version,
              migrated: (migrated.result as { value?: unknown } | undefined)?.value,
              outbox: outbox.result,
            });
          };
        };
      }),
  );
}

const serveVersion = (distDir: string) =>
  startServer({
    port,
    host: '127.0.0.1',
    dataDir: join(workDir, 'data'),
    distDir,
    demo: true,
    log: () => {},
  });

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'dk-update-'));
  copyDemoData(join(workDir, 'data'));
  port = await freePort();
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('an app update with records waiting', () => {
  it('keeps the outbox and the drafts, waits for the form to close, then syncs', async () => {
    const next = sourceWithNextSchema();
    const [v1, v2] = [await buildVersion('essai-1'), await buildVersion('essai-2', next.root)];
    let server = await serveVersion(v1);
    const context = await launchPersistent(join(workDir, 'profile'));
    const page = await context.newPage();
    await logIn(page, server.url, 'demo.autonomie');
    await expect.poll(() => page.locator('footer').textContent()).toContain('version essai-1');

    // Offline, the agent saves two visits and leaves a third one as a draft.
    await context.setOffline(true);
    for (const name of ['Mise à jour A', 'Mise à jour B', 'Mise à jour brouillon']) {
      await page.getByRole('link', { name: 'Nouvelle visite à domicile' }).click();
      await page.getByLabel('Nom et prénom de la personne').fill(name);
      await page.getByRole('combobox', { name: 'Commune' }).fill('mer');
      await page.getByRole('option', { name: /^Mer \(/ }).click();
      await page.getByLabel('Motif de la visite').fill('Évaluation');
      if (name.includes('brouillon')) break;
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByRole('heading', { name: 'Mes visites' }).waitFor();
    }

    // Version 2 is deployed; the tablet finds it while its pushes still fail.
    await server.close();
    server = await serveVersion(v2);
    await context.route('**/api/v1/sync/**', (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const banner = page.getByText('Nouvelle version disponible.');
    await banner.waitFor({ timeout: 30_000 });
    // The draft form is open: the update is offered for later, not applied.
    await expect.poll(() => page.getByRole('button', { name: 'Mettre à jour' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Visites', exact: true }).click();
    // The same draft open in a second tab also holds the update back.
    const other = await context.newPage();
    await other.goto(server.url);
    await unlock(other);
    await other.getByRole('link', { name: 'Mise à jour brouillon' }).click();
    await other.getByLabel('Nom et prénom de la personne').waitFor();
    await page.getByRole('button', { name: 'Mettre à jour' }).click();
    await page.getByText('Un formulaire est ouvert dans un autre onglet').waitFor();
    await other.close();
    await page.getByRole('button', { name: 'Mettre à jour' }).click();
    await unlock(page); // the new version opens locked, like any reload
    await expect
      .poll(() => page.locator('footer').textContent(), { timeout: 30_000 })
      .toContain('version essai-2');

    // After the update: the schema migrated with the two queued visits and the draft in it
    // (Dexie stores version n as n × 10), both visits still queued, the draft still there.
    await expect.poll(async () => (await deviceSchema(page)).version).toBe(next.version * 10);
    const migrated = await deviceSchema(page);
    expect(migrated.migrated).toEqual({ outbox: 2, drafts: 1 });
    expect(migrated.outbox.map((row) => (row as { migratedTo?: number }).migratedTo)).toEqual([
      next.version,
      next.version,
    ]);
    await expect
      .poll(() => page.getByTestId('pending-count').textContent())
      .toBe('2 en attente d’envoi');
    await expect
      .poll(() => page.getByRole('link', { name: 'Mise à jour brouillon' }).count())
      .toBe(1);
    await context.unroute('**/api/v1/sync/**');
    await page.getByRole('button', { name: 'Synchroniser' }).click();
    await expect
      .poll(() => page.getByTestId('pending-count').textContent(), { timeout: 30_000 })
      .toBe('Rien en attente');
    const [row] = await server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM visits WHERE answers->>'personName' IN ('Mise à jour A', 'Mise à jour B')",
    );
    expect(row!.n).toBe(2);
    await context.close();
    await server.close();
  });
});
