import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { launchPersistent } from '../support/browser';
import { logIn, useE2EServer } from '../support/e2e-app';

/**
 * Issue 7, RGPD from the app: the cadre of Blois creates a person file, then from the file's
 * "Droits RGPD" screen downloads the JSON export (the file holds the person's data), reads the
 * printable page inside the app (and its print layout), and rectifies the address, which comes
 * back to the tablet by sync. The administrator sees the retention periods and runs the purge.
 * No CSP violation, and axe-core finds nothing on either screen.
 */
const e2e = useE2EServer('dk-rgpd-');
const LAST_NAME = `Rgpd${Date.now().toString(36)}`;
const contexts: BrowserContext[] = [];
const violations: string[] = [];

afterAll(async () => {
  for (const context of contexts) await context.close();
});

async function openAs(login: string): Promise<Page> {
  const context = await launchPersistent(join(e2e.workDir, `profile-${login}`));
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await logIn(page, e2e.server.url, login);
  return page;
}

async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Synchroniser' }).click();
  await expect
    .poll(() => page.getByTestId('pending-count').textContent(), { timeout: 30_000 })
    .toBe('Rien en attente');
}

describe('RGPD requests in Chromium', () => {
  it('lets the cadre export, read, print and rectify what is held on a person', async () => {
    const page = await openAs('demo.cadre');
    await page.getByRole('link', { name: 'Personnes', exact: true }).click();
    await page.getByRole('link', { name: 'Nouvelle personne' }).click();
    await page.getByLabel('Nom', { exact: true }).fill(LAST_NAME);
    await page.getByLabel('Prénom').fill('Rose');
    await page.getByLabel('Adresse').fill('12 rue des Écoles');
    await page.getByLabel(/La personne accepte/).check();
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page
      .getByRole('heading', { name: `${LAST_NAME.toUpperCase()} Rose`, level: 1 })
      .waitFor();
    await syncNow(page);
    const [person] = await e2e.server.db.query<{ id: string }>(
      'SELECT id::text AS id FROM persons WHERE name_key = $1',
      [`${LAST_NAME.toLowerCase()} rose`],
    );
    expect(person).toBeDefined();

    await page.getByRole('link', { name: 'Droits RGPD' }).click();
    await page
      .getByRole('heading', { name: `Droits RGPD : ${LAST_NAME.toUpperCase()} Rose` })
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger l’export (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^rgpd-${LAST_NAME.toLowerCase()}-rose-\\d{4}-\\d{2}-\\d{2}\\.json$`),
    );
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      subject: { person: string };
      tables: { persons: unknown[] };
    };
    expect(exported.subject.person).toBe(person!.id);
    expect(exported.tables.persons).toHaveLength(1);
    expect(JSON.stringify(exported.tables.persons)).toContain(LAST_NAME);
    expect(JSON.stringify(exported.tables.persons)).toContain('12 rue des Écoles');

    await page.getByRole('button', { name: 'Afficher la version lisible' }).click();
    const readable = page.locator('.rgpd-export');
    await expect.poll(() => readable.textContent()).toContain(LAST_NAME);
    expect(
      await readable.getByRole('heading', { name: 'Fiche de la personne (1)' }).isVisible(),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Printed, the page holds the export alone: no menu, no buttons, no forms.
    await page.emulateMedia({ media: 'print' });
    expect(await readable.isVisible()).toBe(true);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Rectifier' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.getByLabel('Adresse').fill('14 rue des Écoles');
    await page.getByRole('button', { name: 'Rectifier' }).click();
    await page.getByText(/Rectification enregistrée sur le serveur \(Adresse\)/).waitFor();
    const audit = await e2e.server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'rectify' AND entity_id = $1",
      [person!.id],
    );
    expect(audit[0]!.n).toBe(1);
    // The rectified value comes back to the tablet by the sync the screen asked for.
    await page.getByRole('link', { name: 'Retour à la fiche' }).click();
    await page.getByText('14 rue des Écoles').waitFor({ timeout: 30_000 });
    expect(violations).toEqual([]);
  });

  it('shows the administrator the retention periods under Administration', async () => {
    const page = await openAs('demo.admin');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Conservation' }).click();
    const row = page.getByRole('row', { name: /Tâches/ });
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('730 jours (2 ans)');
    await page.getByRole('button', { name: 'Lancer la purge maintenant' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Purger' }).click();
    await page.getByText(/Purge faite le/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(violations).toEqual([]);
  });
});
