import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchKillable, launchPersistent } from '../support/browser';
import { countRows, logIn, seedOutbox, useE2EServer } from '../support/e2e-app';
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
 * Opens the app, lets it run for a random moment, then kills the browser process; returns the
 * progress `probe` read just before each kill, to show kills fell mid-sync. With `started`,
 * the random moment counts from when the probe says the sync is under way (a push of a few
 * thousand visits takes only seconds, which a moment drawn from the page load could miss).
 */
async function crashRepeatedly(
  profile: string,
  probe: (page: Page) => Promise<number>,
  started?: (value: number) => boolean,
): Promise<number[]> {
  const seen: number[] = [];
  for (let crash = 0; crash < CRASHES; crash += 1) {
    const browser = await launchKillable(profile);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(e2e.server.url);
    if (started) {
      const until = Date.now() + 15_000;
      while (!started(await probe(page)) && Date.now() < until) await page.waitForTimeout(20);
      await page.waitForTimeout(random() * 300);
    } else await page.waitForTimeout(50 + random() * 600);
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
      const VISITS = 3000;
      let context = await launchPersistent(profile);
      let page = await context.newPage();
      await logIn(page, e2e.server.url, 'demo.numerique');
      await context.setOffline(true);
      // At Mer, a site of this agent the pull test's agent does not hold: that test pulls less.
      await seedOutbox(page, VISITS, TAG, 'mds-41-41136');
      await context.close();

      const waiting = await crashRepeatedly(
        profile,
        (p) => countRows(p, 'outbox'),
        (left) => left < VISITS,
      );
      expect(strictlyBetween(waiting, 0, VISITS), `outbox sizes at the kills: ${waiting}`).toBe(
        true,
      );

      context = await launchPersistent(profile);
      page = await context.newPage();
      await page.goto(e2e.server.url);
      await expect.poll(() => countRows(page, 'outbox'), { timeout: 180_000 }).toBe(0);
      expect(
        await countRows(page, 'visits', { index: 'siteId', value: 'mds-41-41136' }),
      ).toBeGreaterThanOrEqual(VISITS);
      const receipted = await page.evaluate(
        (tag) =>
          new Promise<{ total: number; receipted: number }>((resolve) => {
            const open = indexedDB.open('dernier-km');
            open.onsuccess = () => {
              const request = open.result.transaction('visits').objectStore('visits').getAll();
              request.onsuccess = () => {
                const mine = (
                  request.result as Array<{ answers: { personName: string }; receipt?: unknown }>
                ).filter((v) => v.answers.personName.startsWith(tag));
                resolve({ total: mine.length, receipted: mine.filter((v) => v.receipt).length });
              };
            };
          }),
        TAG,
      );
      expect(receipted).toEqual({ total: VISITS, receipted: VISITS });
      expect(
        await serverCount(
          "SELECT count(*)::int AS n FROM visits WHERE answers->>'personName' LIKE $1",
          [`${TAG} %`],
        ),
      ).toBe(VISITS);
      await context.close();
    },
  );

  it(
    'pulls a large backlog without skipping or doubling despite being killed during the pull',
    { timeout: 360_000 },
    async () => {
      const other = await createNodeDevice(e2e.server.url, 'demo.pmi');
      await other.queueVisits(1800, 'Panne navigateur réception');
      await other.pushUntilDone();
      await other.close();
      const expected = await serverCount(
        "SELECT count(*)::int AS n FROM visits WHERE site_id = 'mds-41-41018'",
        [],
      );

      const profile = join(e2e.workDir, 'pull-profile');
      const context = await launchPersistent(profile);
      const page = await context.newPage();
      await page.goto(e2e.server.url);
      await page.getByLabel('Identifiant').fill('demo.social');
      await page.getByLabel('Mot de passe').fill('demo-dernier-km');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { name: 'Mes visites' }).waitFor(); // logged in: the pull starts
      await page.waitForTimeout(random() * 300);
      const before = await countRows(page, 'visits');
      await context.close();
      expect(before, 'left before the pull ended').toBeLessThan(expected);

      const held = await crashRepeatedly(profile, (p) => countRows(p, 'visits'));
      expect(
        strictlyBetween([before, ...held], 0, expected),
        `visits held at the kills: ${before}, ${held}`,
      ).toBe(true);

      const last = await launchPersistent(profile);
      const reopened = await last.newPage();
      await reopened.goto(e2e.server.url);
      await expect
        .poll(() => countRows(reopened, 'visits', { index: 'siteId', value: 'mds-41-41018' }), {
          timeout: 180_000,
        })
        .toBe(expected);
      await last.close();
    },
  );
});
