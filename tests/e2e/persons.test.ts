import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchPersistent } from '../support/browser';
import { logIn, useE2EServer } from '../support/e2e-app';

/**
 * Issue 8 end to end, two browser contexts as two agents: the puéricultrice (A, MDS of Blois
 * and Bracieux) creates a file at Bracieux and orients the person to the social worker of
 * Blois (B) while offline; B's tablet holds the file only once the referral reaches it, B
 * accepts, takes it on and records a visit of the person; A sees the status move.
 */
const e2e = useE2EServer('dk-persons-');
const LAST_NAME = `Essai${Date.now().toString(36)}`;
const BRACIEUX = 'mds-41-41025';

/** Ids of the person files in the app's IndexedDB, read raw from the page. */
function personIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('dernier-km');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('persons').objectStore('persons').getAllKeys();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result.map(String));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Synchroniser' }).click();
  await expect
    .poll(() => page.getByTestId('pending-count').textContent(), { timeout: 30_000 })
    .toBe('Rien en attente');
}

async function serverReferral(personId: string) {
  const rows = await e2e.server.db.query<{ id: string; status: string }>(
    'SELECT id, status FROM referrals WHERE person_id = $1',
    [personId],
  );
  return rows;
}

describe('a referral between two agents', () => {
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('goes from A offline to B, who accepts and visits, and A sees the status move', async () => {
    const contextA = await launchPersistent(join(e2e.workDir, 'profile-a'));
    contexts.push(contextA);
    const a = await contextA.newPage();
    await logIn(a, e2e.server.url, 'demo.pmi');
    await syncNow(a);

    // A creates the file at Bracieux, offline.
    await contextA.setOffline(true);
    await a.getByRole('link', { name: 'Personnes', exact: true }).click();
    await a.getByRole('heading', { name: 'Mes personnes suivies' }).waitFor();
    await a.getByRole('link', { name: 'Nouvelle personne' }).click();
    await a.getByLabel('Nom', { exact: true }).fill(LAST_NAME);
    await a.getByLabel('Prénom').fill('Aline');
    await a.getByLabel('Date de naissance').fill('1952-04-09');
    await a.getByLabel('MDS de rattachement').selectOption(BRACIEUX);
    await a.getByLabel(/La personne accepte/).check();
    await a.getByRole('button', { name: 'Créer la fiche' }).click();
    const heading = `${LAST_NAME.toUpperCase()} Aline`;
    await a.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await contextA.setOffline(false);
    await syncNow(a);
    const [person] = await e2e.server.db.query<{ id: string; site_id: string }>(
      'SELECT id::text AS id, site_id FROM persons WHERE name_key = $1',
      [`${LAST_NAME.toLowerCase()} aline`],
    );
    expect(person?.site_id).toBe(BRACIEUX);

    // B works at Blois only: after a full sync, the Bracieux file is not on B's tablet.
    const contextB = await launchPersistent(join(e2e.workDir, 'profile-b'));
    contexts.push(contextB);
    const b = await contextB.newPage();
    await logIn(b, e2e.server.url, 'demo.social');
    await syncNow(b);
    await expect.poll(() => personIds(b).then((ids) => ids.length)).toBeGreaterThan(0); // demo files
    expect(await personIds(b)).not.toContain(person!.id);

    // A orients the person to B, offline, then syncs.
    await contextA.setOffline(true);
    await a.getByRole('link', { name: 'Orienter' }).click();
    await a.getByRole('heading', { name: `Orienter ${heading}` }).waitFor();
    await a
      .getByLabel('Destinataire')
      .selectOption({ label: 'Sophie Lefèvre (Maison des Solidarités de Blois)' });
    await a.getByLabel('Motif').fill('Difficultés de logement signalées pendant la visite.');
    await a.getByLabel('Urgence').selectOption('prioritaire');
    await a.getByLabel(/La personne est d’accord/).check();
    await a.getByRole('button', { name: 'Envoyer l’orientation' }).click();
    await a.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await expect
      .poll(() => a.getByRole('region', { name: 'Historique' }).textContent())
      .toContain('Orientation vers Sophie Lefèvre : Envoyée · pas encore envoyée');
    expect(await serverReferral(person!.id)).toEqual([]);
    await contextA.setOffline(false);
    await syncNow(a);
    expect((await serverReferral(person!.id)).map((r) => r.status)).toEqual(['envoyee']);

    // B is told at the next sync, and the file comes with it.
    await syncNow(b);
    await expect.poll(() => personIds(b)).toContain(person!.id);
    const notice = b.getByRole('link', { name: /Orientations\s*1 nouvelle/ });
    await expect.poll(() => notice.isVisible()).toBe(true);
    await notice.click();
    const card = b.getByRole('listitem', { name: `Orientation de ${heading}` });
    await card.getByRole('button', { name: 'Accuser réception' }).click();
    await card.getByRole('button', { name: 'Prendre en charge' }).click();
    await expect.poll(() => card.textContent()).toContain('Statut : En cours');
    // Taking it on puts the person in B's caseload, at once on the tablet.
    await b.getByRole('link', { name: 'Personnes', exact: true }).click();
    const followed = b.locator('section', {
      has: b.getByRole('heading', { name: /^Personnes que je suis/ }),
    });
    await expect.poll(() => followed.getByRole('link', { name: heading }).count()).toBe(1);
    await b.getByRole('link', { name: /^Orientations/ }).click();

    // B records a visit from the person's file.
    await card.getByRole('link', { name: heading }).click();
    await b.getByRole('link', { name: 'Nouvelle visite', exact: true }).click();
    await b.getByRole('button', { name: 'Visite sociale' }).click();
    await b.getByRole('heading', { name: 'Visite sociale', level: 1 }).waitFor();
    await b.getByRole('radio', { name: 'Consentement donné' }).check();
    expect(await b.getByLabel(/^Nom et prénom de la personne/).inputValue()).toBe(heading);
    await b.getByRole('group', { name: /^Lieu/ }).getByRole('radio', { name: 'Domicile' }).check();
    await b.getByLabel(/^Motif de la visite/).fill('Première rencontre après orientation PMI');
    await b.getByRole('button', { name: /^\d+\. Besoins$/ }).click();
    await b
      .getByRole('group', { name: /^Domaines de besoin/ })
      .getByRole('checkbox', { name: 'Logement' })
      .check();
    await b.getByLabel(/^Besoins — Logement/).fill('Logement humide, demande de relogement.');
    await b.getByRole('button', { name: 'Signer', exact: true }).click();
    await b.getByRole('button', { name: 'Confirmer la signature' }).click();
    await b.getByRole('heading', { name: 'Mes visites' }).waitFor();
    await syncNow(b);
    const visits = await e2e.server.db.query<{ form_id: string }>(
      'SELECT form_id FROM visits WHERE person_id = $1',
      [person!.id],
    );
    expect(visits).toEqual([{ form_id: 'visite-sociale' }]);
    // The server made B a follower with the change, so closing the referral keeps the file.
    const followers = await e2e.server.db.query<{ login: string }>(
      `SELECT a.login FROM person_followers f JOIN agents a ON a.id = f.agent_id
       WHERE f.person_id = $1 ORDER BY a.login`,
      [person!.id],
    );
    expect(followers.map((f) => f.login)).toEqual(['demo.pmi', 'demo.social']);

    // A sees the referral taken on, with the history timed by the server.
    await syncNow(a);
    await a.getByRole('link', { name: /^Orientations/ }).click();
    const sent = a.getByRole('listitem', { name: `Orientation de ${heading}` });
    await expect.poll(() => sent.textContent(), { timeout: 20_000 }).toContain('Statut : En cours');
    // The names come from the directory, read by its own live query: it may render a moment later.
    await expect.poll(() => sent.textContent()).toMatch(/Reçue le .* par Sophie Lefèvre/);
    const events = await e2e.server.db.query<{ status: string }>(
      `SELECT e.status FROM referral_events e JOIN referrals r ON r.id = e.referral_id
       WHERE r.person_id = $1 ORDER BY e.seq`,
      [person!.id],
    );
    expect(events.map((e) => e.status)).toEqual(['envoyee', 'recue', 'en_cours']);
  });
});
