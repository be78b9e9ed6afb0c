import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchKillable, launchPersistent } from '../support/browser';
import { choosePin, countRows, logIn, seedOutbox, unlock, useE2EServer } from '../support/e2e-app';
import { seededRandom } from '../support/flaky-proxy';
import { createNodeDevice } from '../support/node-device';

/**
 * Issue "Sync that survives the field": the browser process is killed (SIGKILL, no shutdown)
 * at random instants while it pushes a backlog and while it pulls one; restarted each time on
 * the same profile, it converges with nothing lost and nothing doubled, on the device and on
 * the server.
 */
const CRASHES = 8;
const random = seededRandom(Number(process.env.DK_CHAOS_SEED ?? 7));

async function serverCount(sql: string, params: unknown[]): Promise<number> {
  const [row] = await e2e.server.db.query<{ n: number }>(sql, params);
  return row!.n;
}

/**
 * Opens the app, lets it sync for a random moment, then kills the browser process, up to
 * CRASHES times or until the sync is seen `finished` at a kill (a kill after that tests nothing);
 * returns the progress `probe` read just before each kill, to show kills fell mid-sync.
 */
async function crashRepeatedly(
  profile: string,
  probe: (page: Page) => Promise<number>,
  finished: (progress: number) => boolean,
): Promise<number[]> {
  const seen: number[] = [];
  while (seen.length < CRASHES && !seen.some(finished)) {
    const browser = await launchKillable(profile);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(e2e.server.url);
    const before = await probe(page);
    await unlock(page); // the app syncs once unlocked
    // The kill falls a random moment after the sync has moved, when it still has work to do:
    // a fast sync would otherwise often be over, or not yet started, at a fixed delay.
    const started = Date.now();
    while ((await probe(page)) === before && Date.now() - started < 5_000) {
      await page.waitForTimeout(10);
    }
    await page.waitForTimeout(random() * 150);
    seen.push(await probe(page));
    await browser.kill();
  }
  return seen;
}

const strictlyBetween = (values: number[], low: number, high: number) =>
  values.some((v) => v > low && v < high);
const e2e = useE2EServer('dk-crash-e2e-');

describe('the browser killed in the middle of a sync', () => {
  it(
    'pushes a backlog exactly once despite being killed during the push',
    { timeout: 360_000 },
    async () => {
      const profile = join(e2e.workDir, 'push-profile');
      const TAG = 'Panne navigateur envoi';
      const VISITS = 5000;
      let context = await launchPersistent(profile);
      let page = await context.newPage();
      // Seeded before the PIN is chosen, so the backlog is sealed like a tablet's own rows, and
      // at Mer, a site of this agent the pull test's agent does not hold: that test pulls less.
      await logIn(page, e2e.server.url, 'demo.numerique', {
        beforePin: async () => {
          await context.setOffline(true);
          await seedOutbox(page, VISITS, TAG, 'mds-41-41136');
        },
      });
      await context.close();

      const waiting = await crashRepeatedly(
        profile,
        (p) => countRows(p, 'outbox'),
        (outbox) => outbox === 0,
      );
      console.info(`outbox sizes at the kills: ${waiting}`);
      expect(strictlyBetween(waiting, 0, VISITS), `outbox sizes at the kills: ${waiting}`).toBe(
        true,
      );

      context = await launchPersistent(profile);
      page = await context.newPage();
      await page.goto(e2e.server.url);
      await unlock(page);
      await expect.poll(() => countRows(page, 'outbox'), { timeout: 60_000 }).toBe(0);
      expect(
        await countRows(page, 'visits', { index: 'siteId', value: 'mds-41-41136' }),
      ).toBeGreaterThanOrEqual(VISITS);
      // The answers are sealed on the tablet (issue 7); receipts are stored in clear, in the
      // visit row when it was pulled, in the ledger of answered batches when it was pushed.
      const receipted = await page.evaluate(
        () =>
          new Promise<{ total: number; receipted: number }>((resolve) => {
            const open = indexedDB.open('dernier-km');
            open.onsuccess = () => {
              const tx = open.result.transaction(['visits', 'visitReceipts']);
              const visits = tx.objectStore('visits').getAll();
              const ledger = tx.objectStore('visitReceipts').getAll();
              tx.oncomplete = () => {
                const all = visits.result as Array<{ id: string; receipt?: unknown }>;
                const answered = new Set(
                  (ledger.result as Array<{ visitIds: string[] }>).flatMap((row) => row.visitIds),
                );
                const withReceipt = all.filter((v) => v.receipt || answered.has(v.id));
                resolve({ total: all.length, receipted: withReceipt.length });
              };
            };
          }),
      );
      expect(receipted.total).toBeGreaterThanOrEqual(VISITS);
      expect(receipted.receipted).toBe(receipted.total);
      expect(
        await serverCount(
          "SELECT count(*)::int AS n FROM visits WHERE answers->>'personName' LIKE $1",
          [`${TAG} %`],
        ),
      ).toBe(VISITS);
      await context.close();
    },
  );

  it('pulls a large backlog without skipping or doubling despite being killed during the pull', async () => {
    const other = await createNodeDevice(e2e.server.url, 'demo.pmi');
    // Enough pages that an idle machine is still pulling when the PIN is chosen.
    await other.queueVisits(6000, 'Panne navigateur réception');
    await other.pushUntilDone();
    await other.close();
    // Every visit of the site a tablet may pull: not the demo's statistics sample, which is
    // kept on the server for the Pilotage figures only (server/src/seed/demo-pilotage.ts).
    const expected = await serverCount(
      "SELECT count(*)::int AS n FROM visits WHERE site_id = 'mds-41-41018' AND receipt_number NOT LIKE 'DEMO-STAT-%'",
      [],
    );

    const profile = join(e2e.workDir, 'pull-profile');
    const context = await launchPersistent(profile);
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    await page.getByLabel('Identifiant').fill('demo.social');
    await page.getByLabel('Mot de passe').fill('demo-dernier-km');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await choosePin(page); // logged in: the pull runs
    const pulled = (p: Page) => countRows(p, 'visits', { index: 'siteId', value: 'mds-41-41018' });
    const before = await pulled(page);
    await context.close();
    expect(before, 'left before the pull ended').toBeLessThan(expected);

    const held = await crashRepeatedly(profile, pulled, (visits) => visits === expected);
    expect(
      strictlyBetween([before, ...held], 0, expected),
      `visits held at the kills: ${before}, ${held}`,
    ).toBe(true);

    const last = await launchPersistent(profile);
    const reopened = await last.newPage();
    await reopened.goto(e2e.server.url);
    await unlock(reopened);
    await expect.poll(() => pulled(reopened), { timeout: 60_000 }).toBe(expected);
    await last.close();
  });
});
