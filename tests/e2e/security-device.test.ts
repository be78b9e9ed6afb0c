import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { adminApi } from '../support/admin-api';
import { launchPersistent } from '../support/browser';
import {
  choosePin,
  countRows,
  DEMO_PASSWORD,
  fillVisit,
  logIn,
  saveVisit,
  serverVisitCount,
  useE2EServer,
} from '../support/e2e-app';
import { rawPageText } from '../support/raw-idb';

/**
 * Issue 7 on the tablet, end to end in Chromium: what IndexedDB holds after visits, drafts and
 * a person file, the wipe after ten wrong PINs and the recovery of unsent records by the same
 * agent's online login, and the wipe of a tablet an administrator revoked.
 */
const e2e = useE2EServer('dk-security-');
const RUN = `Sécu-${Date.now()}`;
const NOTE = 'Conflit avec le fils, signalement en cours';
const ADDRESS = '7 impasse des Tilleuls';
const DETAILS = { motif: `Visite au ${ADDRESS}`, notes: NOTE };
const serverVisits = (name: string) => serverVisitCount(e2e.server, name);
/** A person file typed in its own screens: identity, address, phone, household, a task. */
const PERSON = {
  lastName: 'Delacroix-Brunet',
  firstName: 'Ginette',
  address: '14 chemin de la Garenne',
  phone: '06 47 21 93 58',
  member: 'Théo Delacroix-Brunet',
  task: 'Appeler le bailleur au sujet des loyers impayés',
};

async function createPersonFile(page: Page) {
  await page.getByRole('link', { name: 'Personnes', exact: true }).click();
  await page.getByRole('link', { name: 'Nouvelle personne' }).click();
  await page.getByLabel('Nom', { exact: true }).fill(PERSON.lastName);
  await page.getByLabel('Prénom').fill(PERSON.firstName);
  await page.getByLabel('Date de naissance').fill('1948-11-02');
  await page.getByLabel('Adresse').fill(PERSON.address);
  await page.getByLabel('Téléphone').fill(PERSON.phone);
  await page.getByLabel(/La personne accepte/).check();
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  const heading = `${PERSON.lastName.toUpperCase()} ${PERSON.firstName}`;
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.getByLabel('Nom et prénom du membre').fill(PERSON.member);
  await page.getByRole('button', { name: 'Ajouter au foyer' }).click();
  await page.getByText(`Retirer ${PERSON.member} du foyer`).waitFor();
  await page.getByLabel('Quoi').fill(PERSON.task);
  await page.getByRole('button', { name: 'Planifier' }).click();
  await page.getByText('Planifié.').waitFor();
}

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

describe('what the tablet carries', () => {
  it('keeps no name, address nor note typed in visits, drafts and a person file in clear in IndexedDB', async () => {
    context = await launchPersistent(join(e2e.workDir, 'clear'));
    const page = await context.newPage();
    await logIn(page, e2e.server.url, 'demo.social');
    await context.setOffline(true); // queued, then also sent once online: both states are checked
    await saveVisit(page, `${RUN} Odile Lemaire`, DETAILS);
    await fillVisit(page, `${RUN} Brouillon Marcel`, DETAILS); // left as a draft
    await page.getByRole('link', { name: 'Visites' }).click();
    await expect.poll(() => countRows(page, 'drafts')).toBe(1);
    expect(await countRows(page, 'outbox')).toBe(1);
    await createPersonFile(page);

    const secrets = [
      'Odile Lemaire',
      'Brouillon Marcel',
      ADDRESS,
      NOTE,
      ...Object.values(PERSON),
      PERSON.phone.replaceAll(' ', ''),
    ];
    let raw = await rawPageText(page);
    for (const secret of secrets) expect(raw).not.toContain(secret);
    expect(raw).not.toMatch(/"token"/);
    await page.getByRole('link', { name: 'Visites' }).click();
    await page.getByText(`${RUN} Odile Lemaire`).first().waitFor(); // the app itself reads them

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Synchroniser' }).click();
    await expect.poll(() => serverVisits(`${RUN} Odile Lemaire`), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => countRows(page, 'outbox'), { timeout: 30_000 }).toBe(0);
    raw = await rawPageText(page);
    for (const secret of secrets) expect(raw).not.toContain(secret);
  });

  it('wipes after ten wrong PINs, then the same agent’s online login recovers the unsent visit and sends it', async () => {
    context = await launchPersistent(join(e2e.workDir, 'wrong-pin'));
    const page = await context.newPage();
    await page.clock.install(); // the waits between wrong PINs are skipped by moving the clock
    await logIn(page, e2e.server.url, 'demo.pmi');
    await context.setOffline(true);
    const name = `${RUN} Rose Garnier`;
    await saveVisit(page, name, DETAILS);

    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await page.getByRole('heading', { name: 'Application verrouillée' }).waitFor();
    expect(await page.content()).not.toContain('Rose Garnier'); // the screen is cleared

    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await page.getByLabel('Code', { exact: true }).fill('000001');
      await page.getByRole('button', { name: 'Déverrouiller' }).click();
      if (attempt < 10) {
        await page
          .getByText(`Encore ${10 - attempt} essai${10 - attempt < 2 ? '' : 's'} avant`)
          .waitFor();
        await page.clock.fastForward('06:00'); // longer than the longest wait (5 minutes)
      }
    }
    await page.getByText('Trop de codes erronés').waitFor();
    expect(await countRows(page, 'outbox')).toBe(1); // never deleted unsent
    expect(await countRows(page, 'visits')).toBe(1);
    const raw = await rawPageText(page);
    expect(raw).not.toContain('Rose Garnier');
    expect(raw).not.toContain('"session"');

    await context.setOffline(false);
    await page.getByLabel('Identifiant').fill('demo.pmi');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await choosePin(page);
    await expect.poll(() => serverVisits(name), { timeout: 30_000 }).toBe(1);
    await page.getByText(name).first().waitFor();
  });

  it('wipes a tablet revoked on the server at its next contact, keeping its unsent visit sealed', async () => {
    context = await launchPersistent(join(e2e.workDir, 'revoked'));
    const page = await context.newPage();
    await logIn(page, e2e.server.url, 'demo.autonomie');
    const synced = `${RUN} Henri Bouvier`;
    await saveVisit(page, synced, DETAILS);
    await expect.poll(() => serverVisits(synced), { timeout: 30_000 }).toBe(1);
    await context.setOffline(true);
    const unsent = `${RUN} Alice Perrin`;
    await saveVisit(page, unsent, DETAILS);

    // The administrator revokes it through the administration API, with their own token.
    const deviceId = await (await adminApi(e2e.server)).revokeLatestDeviceOf('demo.autonomie');
    const [device] = await e2e.server.db.query<{ revoked: boolean }>(
      'SELECT revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1',
      [deviceId],
    );
    expect(device?.revoked).toBe(true);
    await context.setOffline(false); // back online: the app syncs at once
    await page.getByText('Cette tablette a été révoquée par un administrateur').waitFor({
      timeout: 30_000,
    });
    expect(await countRows(page, 'outbox')).toBe(1);
    expect(await countRows(page, 'visits')).toBe(1); // the synced one is gone
    expect(await rawPageText(page)).not.toContain('Alice Perrin');
    expect(await serverVisits(unsent)).toBe(0);

    // Reopened later, the tablet still shows the login, never the data.
    await page.reload();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    expect(await page.content()).not.toContain('Henri Bouvier');
  });
});
