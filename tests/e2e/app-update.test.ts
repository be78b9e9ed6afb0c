import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/start';
import { launchPersistent } from '../support/browser';
import { logIn, unlock } from '../support/e2e-app';
import { freePort } from '../support/server-process';

/**
 * Issue "Sync that survives the field": a new app version is deployed while a tablet holds
 * unsent visits and a draft. The new version waits, is offered, is applied only when no form is
 * open, and the visits then sync; the draft is still there.
 */
let workDir: string;
let port: number;

/** A production build, in its own process as `npm run build` does it (not under vitest's env). */
async function buildVersion(id: string): Promise<string> {
  const outDir = join(workDir, id);
  const { NODE_ENV: _vitestMode, ...env } = process.env; // vitest sets "test", which would build a dev app
  await promisify(execFile)(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      env: { ...env, DK_BUILD_ID: id },
    },
  );
  return outDir;
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
  port = await freePort();
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('an app update with records waiting', () => {
  it('keeps the outbox and the drafts, waits for the form to close, then syncs', async () => {
    const [v1, v2] = [await buildVersion('essai-1'), await buildVersion('essai-2')];
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

    // After the update: both visits still queued, the draft still there, then the sync.
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
