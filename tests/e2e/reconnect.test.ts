import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchPersistent } from '../support/browser';
import { DEMO_PASSWORD, logIn, seedOutbox, unlock, useE2EServer } from '../support/e2e-app';

/**
 * A tablet back after weeks offline finds its session expired: the agent reconnects from the
 * banner, nothing on the tablet is lost, and the waiting records go.
 */
const e2e = useE2EServer('dk-reconnect-');

describe('an expired session with records waiting', () => {
  it('asks the same agent to reconnect, then sends everything', async () => {
    const context = await launchPersistent(join(e2e.workDir, 'profile'));
    const page = await context.newPage();
    await logIn(page, e2e.server.url, 'demo.pmi');
    await context.setOffline(true);
    await seedOutbox(page, 5, 'Session expirée', 'mds-41-41018');
    await e2e.server.db.query("UPDATE devices SET token_expires_at = now() - interval '1 day'");
    await context.setOffline(false);
    await page.reload();
    await unlock(page);

    await page
      .getByRole('heading', { name: 'Reconnexion nécessaire' })
      .waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId('pending-count').textContent())
      .toBe('5 en attente d’envoi');
    expect(await page.getByLabel('Identifiant').inputValue()).toBe('demo.pmi');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await expect
      .poll(() => page.getByTestId('pending-count').textContent(), { timeout: 30_000 })
      .toBe('Rien en attente');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Reconnexion nécessaire' }).count())
      .toBe(0);
    const [row] = await e2e.server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM visits WHERE answers->>'personName' LIKE 'Session expirée %'",
    );
    expect(row!.n).toBe(5);
    await context.close();
  });
});
