/**
 * Offline cold start (DESIGN §9: "offline cold start to an interactive list ≤ 1 s with 4× CPU
 * throttling"). The built app is installed in Chromium by an online login, the device is
 * given `count` visits, then the server is stopped and the browser closed. Each run relaunches
 * the browser on the same profile, offline, throttles the CPU 4× through the DevTools protocol
 * and opens the app: the figure is the time from navigation start to the first visit of the
 * list rendered (Preact attaches its handlers as it renders, so the list is usable then).
 * Printed beside two floors from the same navigation: the document answered by the service
 * worker, and the first contentful paint. Needs `npm run build` first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/src/start';
import { launchPersistent } from '../tests/support/browser';
import { logIn, seedOutbox, unlock } from '../tests/support/e2e-app';

const VISIT_COUNTS = [0, 20_000];
const RUNS = 5;
const CPU_SLOWDOWN = 4;

interface StartTimes {
  document: number;
  firstPaint: number;
  list: number;
}

/** Installs the app for `demo.social` in a profile holding `count` visits; returns the URL. */
async function prepareProfile(profile: string, count: number): Promise<string> {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(profile, '..', 'data'),
    distDir: 'dist',
    demo: true,
    log: () => {},
  });
  const context = await launchPersistent(profile);
  try {
    const page = await context.newPage();
    await logIn(page, server.url, 'demo.social');
    await page.getByTestId('pending-count').filter({ hasText: 'Rien en attente' }).waitFor();
    await context.setOffline(true);
    if (count > 0) await seedOutbox(page, count, 'Démarrage', 'mds-41-41018');
    return server.url;
  } finally {
    await context.close();
    await server.close();
  }
}

async function coldStart(profile: string, url: string, expectList: boolean): Promise<StartTimes> {
  const context = await launchPersistent(profile, { offline: true });
  try {
    const page = await context.newPage();
    // With visits, the list is there when its first visit is; empty, when its heading is.
    const ready = expectList ? '[data-testid="visit-item"]' : '#visits-title';
    // A string, not a function: tsx wraps named functions in a helper the page does not have.
    await page.addInitScript({
      content: `new MutationObserver(() => {
        if (window.firstList === undefined && document.querySelector(${JSON.stringify(ready)}))
          window.firstList = performance.now();
      }).observe(document, { childList: true, subtree: true });`,
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url);
    await unlock(page); // the app opens on its PIN (issue 7): the list time includes the unlock
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
    return await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType(
        'navigation',
      ) as PerformanceNavigationTiming[];
      const paint = performance
        .getEntriesByType('paint')
        .find((entry) => entry.name === 'first-contentful-paint');
      return {
        document: navigation?.responseEnd ?? Number.NaN,
        firstPaint: paint?.startTime ?? Number.NaN,
        list: (window as unknown as { firstList?: number }).firstList ?? Number.NaN,
      };
    });
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (value: number) => `${Math.round(value)} ms`;

export default async function coldStartBench(): Promise<void> {
  console.log(
    `CPU ralenti ${CPU_SLOWDOWN}×, hors ligne, serveur arrêté, médiane de ${RUNS} démarrages`,
  );
  for (const count of VISIT_COUNTS) {
    const dir = mkdtempSync(join(tmpdir(), 'dk-bench-start-'));
    try {
      const profile = join(dir, 'profile');
      const url = await prepareProfile(profile, count);
      const runs: StartTimes[] = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await coldStart(profile, url, count > 0));
      console.log(
        `${count.toLocaleString('fr-FR').padStart(6)} visites : liste utilisable ${ms(median(runs.map((r) => r.list)))}` +
          ` (budget 1 000 ms) — plancher : document du service worker ${ms(median(runs.map((r) => r.document)))},` +
          ` premier rendu ${ms(median(runs.map((r) => r.firstPaint)))}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
