import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchPersistent } from '../support/browser';
import { logIn, seedOutbox, unlock, useE2EServer } from '../support/e2e-app';
import { recordPushes } from '../support/push-recorder';

/**
 * Issue "Sync that survives the field": two open tabs never push the same mutations at once
 * (one Web Lock across tabs), and both show the same status.
 */
const e2e = useE2EServer('dk-tabs-');

describe('two tabs of the app', () => {
  it('push one at a time, each mutation once, and agree on the status', async () => {
    const context = await launchPersistent(join(e2e.workDir, 'profile'));
    const pushes = await recordPushes(context);
    const first = await context.newPage();
    await logIn(first, e2e.server.url, 'demo.social');
    await context.setOffline(true);
    await seedOutbox(first, 800, 'Deux onglets', 'mds-41-41018');
    const second = await context.newPage();
    await second.goto(e2e.server.url);
    await unlock(second); // each tab holds its own key, unlocked on its own
    for (const page of [first, second]) {
      await expect
        .poll(() => page.getByTestId('pending-count').textContent())
        .toBe('800 en attente d’envoi');
    }

    await context.setOffline(false); // both tabs get the `online` event and try to sync
    for (const page of [first, second]) {
      await expect
        .poll(() => page.getByTestId('pending-count').textContent(), { timeout: 60_000 })
        .toBe('Rien en attente');
    }

    const answered = pushes.filter((p) => p.status === 200);
    const ids = answered.flatMap((p) =>
      (JSON.parse(p.body) as { mutations: Array<{ id: string }> }).mutations.map((m) => m.id),
    );
    expect(ids).toHaveLength(800);
    expect(new Set(ids).size).toBe(800);
    const sorted = [...answered].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i += 1)
      expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
    const status = (page: typeof first) => page.locator('.sync-detail').textContent();
    await expect
      .poll(() => status(first), { timeout: 30_000 })
      .toMatch(/^Dernière synchronisation : /);
    await expect.poll(() => status(second)).toBe(await status(first));
    await context.close();
  });
});
