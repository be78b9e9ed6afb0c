import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/src/start';
import { launchPersistent } from '../tests/support/browser';
import { countRows, logIn, seedOutbox, unlock } from '../tests/support/e2e-app';

/**
 * How long a browser bench lets the rows it has just written settle before it times anything.
 * Chromium's storage compacts a burst of writes for several seconds: here the backlog, written
 * in two bursts just before the push (the seed, then the app sealing every row when the PIN is
 * chosen), took 0.3–0.7 s of CPU from a push started at once (traced 2026-12-07). A tablet's
 * rows, written over days or months, were compacted long before. Also used by the peer's
 * browser side (browser-pouch.ts) and the security bench.
 */
export const SETTLE_MS = 10_000;

/** Records, in the page, the instant "Rien en attente" shows after the network came back. */
const WATCH_DONE = `
  addEventListener('online', () => {
    const done = () =>
      document.querySelector('[data-testid=pending-count]')?.textContent === 'Rien en attente';
    const watch = new MutationObserver(() => {
      if (!done()) return;
      window.__pushDoneAt = performance.timeOrigin + performance.now();
      watch.disconnect();
    });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
`;

/**
 * The device side as it really runs: the built app in Chromium (its IndexedDB, its sync
 * engine) pushing a backlog of `count` visits (their free text: `notes`) to the server over
 * loopback. Returns, in ms from the network coming back, when "Rien en attente" showed on
 * screen (every visit on the server, its receipt stored) and when the outbox was then found
 * empty (the delivered rows deleted after the push). Needs `npm run build` first.
 */
export async function browserPush(
  target: { databaseUrl?: string },
  count: number,
  notes: string,
): Promise<{ ms: number; emptiedMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'dk-bench-browser-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(dir, 'data'),
    databaseUrl: target.databaseUrl,
    distDir: 'dist',
    demo: true,
    log: () => {},
  });
  const context = await launchPersistent(join(dir, 'profile'));
  try {
    const page = await context.newPage();
    // Seeded before the PIN is chosen, so the app seals the backlog as it would its own rows.
    await logIn(page, server.url, 'demo.social', {
      beforePin: async () => {
        await context.setOffline(true);
        await seedOutbox(page, count, `Bench navigateur ${count}`, 'mds-41-41018', notes);
      },
    });
    // Watched on the screen, as the agent sees it, and timed in the page when it changes:
    // polling IndexedDB from here would count the outbox row by row in the browser's storage
    // thread, competing with the push it times, and polling the page would add its interval.
    await page.addInitScript(WATCH_DONE);
    await page.reload();
    await unlock(page);
    await page.getByTestId('pending-count').filter({ hasText: 'en attente' }).waitFor();
    await page.waitForTimeout(SETTLE_MS);
    const started = Date.now();
    await context.setOffline(false); // the app syncs on `online`
    await page.waitForFunction(
      () => (window as { __pushDoneAt?: number }).__pushDoneAt !== undefined,
      undefined,
      { timeout: 600_000, polling: 250 },
    );
    const ms = Number(await page.evaluate('window.__pushDoneAt')) - started;
    let left = await countRows(page, 'outbox');
    while (left > 0 && Date.now() - started < ms + 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = await countRows(page, 'outbox');
    }
    if (left > 0) throw new Error(`${left} mutations still in the outbox a minute after the push`);
    return { ms, emptiedMs: Date.now() - started };
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
