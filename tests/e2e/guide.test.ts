import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPersistent } from '../support/browser';
import { choosePin, unlock, useE2EServer } from '../support/e2e-app';

/**
 * Issue 6, end to end: the demo guide seeded on the server reaches the tablet by pull, then,
 * with the network cut, the agent searches, filters, opens a sheet, prints it (print media)
 * with its QR code, and orients a person from a visit; the orientation reaches the server.
 */
const e2e = useE2EServer('dk-e2e-guide-');
let context: BrowserContext;

beforeAll(async () => {
  context = await launchPersistent(join(e2e.workDir, 'profile'));
});

afterAll(async () => {
  await context?.close();
});

async function logIn(page: Page, login = 'demo.social') {
  await page.goto(e2e.server.url);
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill('demo-dernier-km');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await choosePin(page);
  await page.getByRole('link', { name: 'Guide des services' }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

const count = (page: Page) => page.getByTestId('guide-count').textContent();
const results = (page: Page) =>
  page.getByTestId('guide-result').getByRole('heading').allTextContents();

describe('the service guide with no network', () => {
  it('searches, filters, opens a sheet, prints it with its QR code, and orients from a visit', async () => {
    const page = await context.newPage();
    await logIn(page);
    // Demo visits come after the guide in the change log: once they are here, the guide is too.
    await expect
      .poll(() => page.getByTestId('visit-item').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Guide des services' }).click();
    await expect.poll(() => count(page), { timeout: 30_000 }).toMatch(/^4\d\d services trouvés/);

    await context.setOffline(true);
    await page.reload();
    await unlock(page);
    await page.getByRole('heading', { name: 'Guide des services' }).waitFor();

    const search = page.getByRole('searchbox', { name: 'Rechercher un service' });
    await search.pressSequentially('aide menagere');
    await expect.poll(() => results(page).then((r) => r[0])).toBe('Aide ménagère à domicile');

    await search.fill('atelier cv');
    await expect.poll(() => results(page).then((r) => r.length)).toBeGreaterThan(0);
    await page.getByLabel('Type de service').selectOption('atelier');
    await page.getByLabel('Coût').selectOption('gratuit');
    await page.getByRole('combobox', { name: 'Commune de la personne' }).fill('vendome');
    await page.getByRole('option', { name: /^Vendôme/ }).click();
    await page.getByLabel('Distance').selectOption('10');
    await expect
      .poll(() => page.getByTestId('nearest').textContent())
      .toMatch(/Maison des Solidarités de Vendôme — moins de 1 km/);
    await expect
      .poll(() => page.getByTestId('guide-result').allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/Atelier CV et lettre de motivation.*Vendôme/),
        ]),
      );
    for (const text of await page.getByTestId('guide-result').allTextContents())
      expect(text).toMatch(/Gratuit/);

    await page.getByTestId('guide-result').getByRole('link').first().click();
    const sheet = page.getByTestId('service-sheet');
    await sheet
      .getByRole('heading', { level: 1, name: 'Atelier CV et lettre de motivation' })
      .waitFor();
    expect(await sheet.getByRole('heading', { name: 'Ce qu’il faut apporter' }).isVisible()).toBe(
      true,
    );
    expect(await page.getByTestId('hours-status').textContent()).toMatch(
      /^(Ouvert maintenant|Fermé)/,
    );
    const qr = page.getByRole('img', { name: /^QR code : fiche en ligne de Atelier CV/ });
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);

    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'oui');
    });
    await page.getByRole('button', { name: 'Imprimer' }).click();
    expect(await page.getAttribute('body', 'data-printed')).toBe('oui');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Orienter vers ce service' }).isVisible()).toBe(
      false,
    );
    expect(await sheet.isVisible()).toBe(true);
    expect(await qr.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    await page.getByLabel('Visite').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Orienter vers ce service' }).click();
    await page.getByText('Orientation enregistrée.').waitFor();
    await context.setOffline(false);
    await expect
      .poll(
        async () =>
          (
            await e2e.server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM orientations')
          )[0]!.n,
        { timeout: 30_000 },
      )
      .toBe(1);
  });

  it('lets an administrator upload a file online and read the report, refusals with their lines', async () => {
    const admin = await launchPersistent(join(e2e.workDir, 'profile-admin'));
    try {
      const page = await admin.newPage();
      await logIn(page, 'demo.admin');
      await page.getByRole('link', { name: 'Import du guide' }).click();
      const file = JSON.stringify(
        {
          structures: [
            {
              id: 'e2e--s',
              source: 'e2e',
              nom: 'Structure E2E',
              date_maj: '2026-01-15',
              code_insee: '41018',
            },
          ],
          services: [
            {
              id: 'e2e--v1',
              source: 'e2e',
              structure_id: 'e2e--s',
              nom: 'Service E2E',
              date_maj: '2026-01-15',
              description: 'Test.',
            },
            {
              id: 'e2e--v2',
              source: 'e2e',
              structure_id: 'e2e--s',
              nom: 'Sans date',
              description: 'Test.',
            },
          ],
        },
        null,
        1,
      );
      await page.getByLabel('Fichier data·inclusion (JSON ou CSV)').setInputFiles({
        name: 'guide.json',
        mimeType: 'application/json',
        buffer: Buffer.from(file),
      });
      await page.getByRole('button', { name: 'Importer' }).click();
      const report = page.getByTestId('import-report');
      await report.waitFor();
      expect(await report.getByRole('row', { name: /^Services/ }).textContent()).toBe(
        'Services1001',
      );
      // Indented one field a line: the second service opens on line 20 of the file.
      expect(await report.getByRole('listitem').textContent()).toMatch(
        /^Ligne 20 \(e2e--v2\) : date_maj/,
      );

      await page.getByLabel('Fichier data·inclusion (JSON ou CSV)').setInputFiles({
        name: 'x.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('nom;prenom\nMartin;Jeanne\n'),
      });
      await page.getByRole('button', { name: 'Importer' }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toMatch(/pas au format data·inclusion.*Colonnes data·inclusion manquantes/);
    } finally {
      await admin.close();
    }
  });

  it('serves the sheet the QR code opens, without login', async () => {
    const [row] = await e2e.server.db.query<{ id: string }>(
      "SELECT id FROM guide_services WHERE payload->>'nom' = 'Aide ménagère à domicile' LIMIT 1",
    );
    const response = await fetch(`${e2e.server.url}/fiche/${encodeURIComponent(row!.id)}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>Aide ménagère à domicile</h1>');
  });
});
