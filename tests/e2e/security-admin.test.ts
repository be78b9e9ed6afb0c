import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPersistent } from '../support/browser';
import { choosePin, DEMO_PASSWORD, useE2EServer } from '../support/e2e-app';

/**
 * Issue 7, server side, end to end: the built app and the public service sheet run under the
 * strict Content-Security-Policy with no violation; an administrator manages agents and revokes
 * a tablet from the administration screen (the tablet's token is refused at once); the access
 * journal shows the reads and writes.
 */
const e2e = useE2EServer('dk-e2e-security-');
let context: BrowserContext;
const violations: string[] = [];

beforeAll(async () => {
  context = await launchPersistent(join(e2e.workDir, 'profile'));
});

afterAll(async () => {
  await context?.close();
});

async function openPage(browser = context): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return page;
}

async function logIn(page: Page, login: string) {
  await page.goto(e2e.server.url);
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await choosePin(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

async function apiLogin(login: string): Promise<{ token: string; deviceId: string }> {
  const response = await fetch(`${e2e.server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD, deviceName: 'Tablette perdue' }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { token: string; deviceId: string };
}

describe('security and administration in Chromium', () => {
  it('runs the app and the public sheet under the strict policy without a single violation', async () => {
    const page = await openPage();
    const response = await page.goto(e2e.server.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await logIn(page, 'demo.social');
    await page.getByRole('link', { name: 'Guide des services' }).click();
    await page.getByRole('heading', { name: 'Guide des services' }).waitFor();

    const [service] = await e2e.server.db.query<{ id: string }>(
      'SELECT id FROM guide_services ORDER BY id LIMIT 1',
    );
    await page.goto(`${e2e.server.url}/fiche/${encodeURIComponent(service!.id)}`);
    // The sheet's one stylesheet is allowed by its hash: the heading has its colour.
    await expect
      .poll(() => page.locator('h1').evaluate((h1) => getComputedStyle(h1).color))
      .toBe('rgb(0, 95, 115)');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('lets the administrator create an agent and revoke a tablet, refused at once', async () => {
    const lost = await apiLogin('demo.numerique');
    const admin = await launchPersistent(join(e2e.workDir, 'profile-admin'));
    const page = await openPage(admin);
    await logIn(page, 'demo.admin');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Agents' }).waitFor();
    await page.getByRole('row', { name: /demo\.pmi/ }).waitFor();

    await page.getByRole('button', { name: 'Créer un agent' }).click();
    await page.getByLabel('Identifiant', { exact: true }).fill('nouvelle.agente');
    await page.getByLabel('Nom affiché').fill('Nouvelle Agente');
    await page.getByLabel('Rôle').selectOption('puericultrice');
    await page.getByRole('checkbox', { name: 'Maison des Solidarités de Blois' }).check();
    await page.getByLabel(/Mot de passe initial/).fill('mot-de-passe-initial');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Agent Nouvelle Agente créé.').waitFor();
    await page.getByRole('row', { name: /nouvelle\.agente/ }).waitFor();

    await page.getByRole('link', { name: 'Tablettes' }).click();
    await page.getByRole('heading', { name: 'Tablettes' }).waitFor();
    const row = page.getByRole('row', { name: /Tablette perdue/ });
    await row.getByRole('button', { name: /Révoquer/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Révoquer' }).click();
    await expect.poll(() => row.textContent()).toContain('Révoquée');

    const refused = await fetch(`${e2e.server.url}/api/v1/sync/pull`, {
      headers: { authorization: `Bearer ${lost.token}` },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'device_revoked',
    );

    await page.getByRole('link', { name: 'Journal des accès' }).click();
    await page.getByLabel('Action').selectOption('write');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.getByRole('cell', { name: 'POST /api/v1/admin/devices/:id/revoke' }).waitFor();
    expect(violations).toEqual([]);
    await admin.close();
  });
});
