import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchPersistent } from '../support/browser';
import { logIn, useE2EServer } from '../support/e2e-app';

/**
 * "Mes tâches" end to end in Chromium: an agent offline creates a file, plans a visit and a
 * task already late, marks the task done, syncs, and sees the server's receipts on the tasks;
 * the follow-up sheet tells the person when the next visit is.
 */
const e2e = useE2EServer('dk-tasks-');
const LAST_NAME = `Tache${Date.now().toString(36)}`;

async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Synchroniser' }).click();
  await expect
    .poll(() => page.getByTestId('pending-count').textContent(), { timeout: 30_000 })
    .toBe('Rien en attente');
}

async function plan(page: Page, kind: 'visite' | 'tache', title: string, dueOn: string) {
  await page.getByLabel('Type').selectOption(kind);
  await page.getByLabel('Quoi').fill(title);
  await page.getByLabel('Pour le').fill(dueOn);
  await page.getByRole('button', { name: 'Planifier' }).click();
  await page.getByText('Planifié. Visible dans « Mes tâches ».').waitFor();
}

describe('tasks of an agent', () => {
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('plans and closes tasks offline, then shows their receipts once synced', async () => {
    const context = await launchPersistent(join(e2e.workDir, 'profile'));
    contexts.push(context);
    const page = await context.newPage();
    await logIn(page, e2e.server.url, 'demo.social');
    await syncNow(page);

    await context.setOffline(true);
    await page.getByRole('link', { name: 'Personnes', exact: true }).click();
    await page.getByRole('link', { name: 'Nouvelle personne' }).click();
    await page.getByLabel('Nom', { exact: true }).fill(LAST_NAME);
    await page.getByLabel('Prénom').fill('Paul');
    await page.getByLabel(/La personne accepte/).check();
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page
      .getByRole('heading', { name: `${LAST_NAME.toUpperCase()} Paul`, level: 1 })
      .waitFor();
    await plan(page, 'visite', 'Visite à domicile', '2099-06-01');
    await plan(page, 'tache', 'Envoyer le dossier', '2020-01-06');
    const history = page.getByRole('region', { name: 'Historique' });
    await history.getByText('Envoyer le dossier (en retard)').waitFor();

    await page.getByRole('link', { name: 'Mes tâches' }).click();
    // The demo seed gives the agent tasks of their own: this person's are found by name.
    const item = (group: RegExp) =>
      page
        .getByRole('region', { name: group })
        .getByRole('listitem')
        .filter({ hasText: LAST_NAME.toUpperCase() });
    await item(/^En retard/)
      .getByRole('button', { name: 'Marquer comme faite' })
      .click();
    await expect
      .poll(() => item(/^Faites/).textContent())
      .toMatch(/Envoyer le dossier.*pas encore envoyée$/);

    await context.setOffline(false);
    await syncNow(page);
    const rows = await e2e.server.db.query<{ title: string; done: boolean }>(
      `SELECT t.title, t.done_at IS NOT NULL AS done FROM tasks t JOIN persons p ON p.id = t.person_id
        WHERE p.name_key = $1 ORDER BY t.due_on`,
      [`${LAST_NAME.toLowerCase()} paul`],
    );
    expect(rows).toEqual([
      { title: 'Envoyer le dossier', done: true },
      { title: 'Visite à domicile', done: false },
    ]);
    await expect
      .poll(() => item(/^Faites/).textContent())
      .toMatch(/Envoyer le dossier.*reçu n° \d{4}-\d+$/);
    await expect
      .poll(() => item(/^À faire/).textContent())
      .toMatch(/Visite à domicile.*reçu n° \d{4}-\d+Marquer comme faite$/);

    await page
      .getByRole('link', { name: `${LAST_NAME.toUpperCase()} Paul` })
      .first()
      .click();
    await page.getByRole('link', { name: 'Fiche de suivi à remettre' }).click();
    await page.getByText(/^.+ vous verra le 1er juin 2099\.$/).waitFor();
    await page.getByText(/^Votre dossier porte le numéro \d{4}-\d+\.$/).waitFor();
  });
});
