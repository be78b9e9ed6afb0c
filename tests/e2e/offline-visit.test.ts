import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchPersistent } from '../support/browser';
import { logIn, unlock, useE2EServer } from '../support/e2e-app';
import { recordPushes, type RecordedPush } from '../support/push-recorder';

/**
 * Issue "Foundation", end to end: the built PWA in a real Chromium against the real server
 * started by `npm start`'s code path, on a fresh embedded database with the demo data.
 */
const e2e = useE2EServer('dk-e2e-');
const RUN = `E2E-${Date.now()}`;

async function countServerVisits(): Promise<number> {
  const rows = await e2e.server.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM visits WHERE answers->>'personName' LIKE $1",
    [`${RUN}%`],
  );
  return rows[0]!.n;
}

async function createVisit(page: Page, name: string) {
  await page.getByRole('link', { name: 'Nouvelle visite à domicile' }).click();
  await page.getByLabel('Nom et prénom de la personne').fill(name);
  await page.getByRole('combobox', { name: 'Commune' }).fill('vendome');
  await page.getByRole('option', { name: /^Vendôme/ }).click();
  await page.getByLabel('Motif de la visite').fill('Suivi après hospitalisation');
  await page.getByLabel('Notes').fill('Personne isolée, pas de réseau au domicile.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('heading', { name: 'Mes visites' }).waitFor();
}

const mine = (page: Page) => page.getByTestId('visit-item').filter({ hasText: RUN });
const text = (page: Page, testId: string) => () => page.getByTestId(testId).first().textContent();
const states = async (page: Page) =>
  Promise.all((await mine(page).all()).map((item) => item.getAttribute('data-sync-state')));

describe('a visit captured with no network', () => {
  let context: BrowserContext;
  const recorded: RecordedPush[][] = []; // one list per browser launch
  // Only pushes the server answered: those tried while offline never reached it.
  const answeredPushes = () => recorded.flat().filter((push) => push.status === 200);

  async function openBrowser(options: { offline: boolean }) {
    context = await launchPersistent(join(e2e.workDir, 'profile'), options);
    recorded.push(await recordPushes(context));
  }

  afterAll(async () => {
    await context?.close();
  });

  it('reaches the server exactly once, with a receipt shown on the tablet', async () => {
    await openBrowser({ offline: false });
    const page = await context.newPage();
    await logIn(page, e2e.server.url, 'demo.social');
    await expect
      .poll(() => page.getByTestId('visit-item').count(), { timeout: 20_000 })
      .toBeGreaterThan(0); // demo visits pulled

    await context.setOffline(true);
    await page.reload();
    await unlock(page); // a reload locks: the data key lives in memory only
    await expect.poll(text(page, 'network-state')).toBe('Hors ligne');

    for (const n of [1, 2, 3]) await createVisit(page, `${RUN} Personne ${n}`);
    await expect.poll(() => mine(page).count()).toBe(3);
    await expect.poll(text(page, 'pending-count')).toBe('3 en attente d’envoi');

    // Close the page and open a new one, still offline: the visits are there, still queued.
    await page.close();
    const reopened = await context.newPage();
    await reopened.goto(e2e.server.url);
    await unlock(reopened);
    await expect.poll(() => states(reopened)).toEqual(['pending', 'pending', 'pending']);

    // Restart the browser, still offline: the installed app opens with the same queue.
    await context.close();
    await openBrowser({ offline: true });
    const restarted = await context.newPage();
    await restarted.goto(e2e.server.url);
    await unlock(restarted);
    await expect.poll(() => states(restarted)).toEqual(['pending', 'pending', 'pending']);
    expect(await countServerVisits()).toBe(0);

    // The network returns: the queue goes without the agent doing anything.
    await context.setOffline(false);
    await expect
      .poll(() => states(restarted), { timeout: 30_000 })
      .toEqual(['synced', 'synced', 'synced']);
    const receipts = await mine(restarted).getByTestId('receipt').allTextContents();
    expect(receipts).toHaveLength(3);
    for (const receipt of receipts)
      expect(receipt).toMatch(/^Reçu n° \d{4}-\d{6} le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(new Set(receipts).size).toBe(3);
    await expect.poll(text(restarted, 'pending-count')).toBe('Rien en attente');
    expect(await countServerVisits()).toBe(3);

    // Replay the very push the tablet sent: the server answers duplicate and holds 3 still.
    const push = answeredPushes().find((p) => p.body.includes(RUN));
    expect(push).toBeDefined();
    const replay = await fetch(`${e2e.server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: push!.authorization },
      body: push!.body,
    });
    expect(replay.status).toBe(200);
    const { results } = (await replay.json()) as { results: Array<{ status: string }> };
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.status === 'duplicate')).toBe(true);
    expect(await countServerVisits()).toBe(3);
  });
});
