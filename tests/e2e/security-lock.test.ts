import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchPersistent } from '../support/browser';
import { adminApi } from '../support/admin-api';
import {
  choosePin,
  countRows,
  DEMO_PASSWORD,
  logIn,
  saveVisit,
  serverVisitCount,
  TEST_PIN,
  unlock,
  useE2EServer,
} from '../support/e2e-app';
import { rawPageText } from '../support/raw-idb';

/**
 * Issue 7 on the tablet, end to end in Chromium: the auto-lock (hidden, idle time chosen by the
 * agent), the logout and the switch of agent on a shared tablet, the forgotten PIN.
 */
const e2e = useE2EServer('dk-lock-');
const RUN = `Verrou-${Date.now()}`;
const DETAILS = { motif: 'Visite au 12 rue des Écoles', notes: 'Dettes de loyer, expulsion' };

/** An agent of the MDS of Mer only: nothing the Blois agents record is theirs to receive. */
const MER_AGENT = { login: 'agent.mer', displayName: 'Agnès Mer', password: 'mot-de-passe-de-mer' };

beforeAll(async () => {
  const admin = await adminApi(e2e.server);
  await admin.createAgent({
    ...MER_AGENT,
    role: 'travailleur_social',
    siteIds: ['mds-41-41136'],
  });
});

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

/**
 * Tells the page it is hidden or visible again. The headless Chromium the tests drive keeps
 * every page visible (a tab in front, a frozen page or a minimised window change nothing), so
 * the page's own `document.visibilityState` is set and `visibilitychange` dispatched, as the
 * browser does when a tablet's screen goes off.
 */
function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  return page.evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.defineProperty(document, 'hidden', {
      configurable: true,
      get: () => state === 'hidden',
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** What the page shows now, read from inside it: the lock screen, and whether a name is there. */
function pageState(page: Page, name: string) {
  return page.evaluate(
    (name) => ({
      visibility: document.visibilityState,
      locked: [...document.querySelectorAll('h2')].some(
        (h2) => h2.textContent === 'Application verrouillée',
      ),
      showsName: document.body.textContent?.includes(name) ?? false,
    }),
    name,
  );
}

/** The online login form, on the login screen or behind the lock screen's link. */
async function onlineLogin(page: Page, login: string, password = DEMO_PASSWORD) {
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** The id the server gave this person's visit: no row of the tablet may still carry it. */
async function serverVisitId(name: string): Promise<string> {
  const [row] = await e2e.server.db.query<{ id: string }>(
    "SELECT id::text AS id FROM visits WHERE answers->>'personName' = $1",
    [name],
  );
  return row!.id;
}

/** What someone copying the storage would find of a visit: neither its text nor its row. */
async function expectNothingOf(page: Page, name: string) {
  const raw = await rawPageText(page);
  for (const secret of [name, DETAILS.motif, DETAILS.notes, await serverVisitId(name)])
    expect(raw).not.toContain(secret);
}

describe('the auto-lock', () => {
  it('drops the key while the app is still hidden, and after the idle time the agent chose', async () => {
    context = await launchPersistent(join(e2e.workDir, 'auto-lock'));
    const page = await context.newPage();
    await page.clock.install(); // the minutes of waiting are skipped by moving the page's clock
    await logIn(page, e2e.server.url, 'demo.social');
    const name = `${RUN} Gisèle Marchand`;
    await saveVisit(page, name, DETAILS);
    await page.getByText(name).first().waitFor();

    await setVisibility(page, 'hidden');
    await page.clock.fastForward('00:30');
    expect(await pageState(page, name)).toEqual({
      visibility: 'hidden',
      locked: false,
      showsName: true,
    });
    await page.clock.fastForward('00:31'); // hidden for more than a minute, never shown again
    await expect
      .poll(() => pageState(page, name))
      .toEqual({ visibility: 'hidden', locked: true, showsName: false });
    await setVisibility(page, 'visible');
    await unlock(page);
    await page.getByText(name).first().waitFor();

    // The shortest idle time (2 min) instead of the default 5: it is the one that counts.
    await page.getByLabel('Verrouillage auto').selectOption('2');
    await expect.poll(() => rawPageText(page)).toContain('"idleLockMinutes":2');
    await page.waitForTimeout(300); // the stored choice reaches the open app by a live query
    await page.clock.fastForward('01:50');
    expect((await pageState(page, name)).locked).toBe(false);
    await page.clock.fastForward('00:15');
    await page.getByRole('heading', { name: 'Application verrouillée' }).waitFor();
    expect(await page.content()).not.toContain(name);
  });
});

describe('a tablet shared by several agents', () => {
  it('keeps nothing of the agent readable after a logout, and the next agent starts empty', async () => {
    context = await launchPersistent(join(e2e.workDir, 'logout'));
    const page = await context.newPage();
    await logIn(page, e2e.server.url, 'demo.social');
    const name = `${RUN} Lucien Ferrand`;
    await saveVisit(page, name, DETAILS);
    await expect.poll(() => serverVisitCount(e2e.server, name), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => countRows(page, 'outbox')).toBe(0);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await expectNothingOf(page, name);
    for (const table of ['visits', 'drafts', 'outbox', 'persons', 'referrals', 'tasks'])
      expect(await countRows(page, table)).toBe(0);
    // No sealed row, no session nor token, no key of theirs (owner, PIN and recovery wraps).
    expect(await rawPageText(page)).not.toMatch(/"(sealed|session|token|owner|pin|recovery)"/);

    await onlineLogin(page, MER_AGENT.login, MER_AGENT.password);
    await choosePin(page);
    await page.getByText(MER_AGENT.displayName).first().waitFor();
    expect(await page.content()).not.toContain(name);
    await expectNothingOf(page, name);
  });

  it('refuses another agent while records wait, resets a forgotten PIN online with the same data, then lets the other agent start empty', async () => {
    context = await launchPersistent(join(e2e.workDir, 'switch'));
    const page = await context.newPage();
    await logIn(page, e2e.server.url, 'demo.autonomie');
    await context.setOffline(true);
    const name = `${RUN} Maurice Caron`;
    await saveVisit(page, name, DETAILS);
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await context.setOffline(false); // a locked tablet does not sync: the visit still waits
    const forgotten = page.getByRole('button', { name: /^Code oublié ou autre agent/ });
    await forgotten.click();
    await onlineLogin(page, MER_AGENT.login, MER_AGENT.password);
    await page.getByText('a 1 enregistrement non envoyé sur cette tablette').waitFor();
    expect(await countRows(page, 'outbox')).toBe(1);

    // The owner has forgotten their PIN: their online login opens the same data, with a new PIN.
    const newPin = '730518';
    await onlineLogin(page, 'demo.autonomie');
    await choosePin(page, newPin);
    await page.getByText(name).first().waitFor();
    await expect.poll(() => serverVisitCount(e2e.server, name), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => countRows(page, 'outbox')).toBe(0);
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await page.getByLabel('Code', { exact: true }).fill(TEST_PIN); // the old PIN no longer opens
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await page.getByText('Code incorrect').waitFor();
    await unlock(page, newPin);

    // Everything sent, another agent takes the tablet from the lock screen.
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await forgotten.click();
    await onlineLogin(page, MER_AGENT.login, MER_AGENT.password);
    await page.getByLabel('Nouveau code').waitFor(); // not sent back to the login screen
    await expectNothingOf(page, name);
    await choosePin(page);
    expect(await page.content()).not.toContain(name);
    await expectNothingOf(page, name);
  });
});
