import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/start';
import { launchPersistent } from '../support/browser';
import { DEMO_PASSWORD, logIn, seedOutbox } from '../support/e2e-app';

/**
 * A tablet back after weeks offline finds its session expired: the agent reconnects from the
 * banner, nothing on the tablet is lost, and the waiting records go.
 */
let server: Awaited<ReturnType<typeof startServer>>;
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'dk-reconnect-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(workDir, 'data'), distDir: 'dist', demo: true, log: () => {} });
});

afterAll(async () => {
  await server?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('an expired session with records waiting', () => {
  it('asks the same agent to reconnect, then sends everything', async () => {
    const context = await launchPersistent(join(workDir, 'profile'));
    const page = await context.newPage();
    await logIn(page, server.url, 'demo.pmi');
    await context.setOffline(true);
    await seedOutbox(page, 5, 'Session expirée', 'mds-41-41018');
    await server.db.query("UPDATE devices SET token_expires_at = now() - interval '1 day'");
    await context.setOffline(false);
    await page.reload();

    await page.getByRole('heading', { name: 'Reconnexion nécessaire' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('pending-count').textContent()).toBe('5 en attente d’envoi');
    expect(await page.getByLabel('Identifiant').inputValue()).toBe('demo.pmi');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await expect.poll(() => page.getByTestId('pending-count').textContent(), { timeout: 30_000 }).toBe('Rien en attente');
    await expect.poll(() => page.getByRole('heading', { name: 'Reconnexion nécessaire' }).count()).toBe(0);
    const [row] = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM visits WHERE answers->>'personName' LIKE 'Session expirée %'");
    expect(row!.n).toBe(5);
    await context.close();
  });
});
