import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchPersistent } from '../support/browser';
import { logIn, saveVisit, unlock, useE2EServer } from '../support/e2e-app';
import { rawPageText } from '../support/raw-idb';

/**
 * Issue 7 on the tablet, end to end in Chromium: the auto-lock (hidden, idle time chosen by the
 * agent), the logout and the switch of agent on a shared tablet, the forgotten PIN.
 */
const e2e = useE2EServer('dk-lock-');
const RUN = `Verrou-${Date.now()}`;
const DETAILS = { motif: 'Visite au 12 rue des Écoles', notes: 'Dettes de loyer, expulsion' };

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
