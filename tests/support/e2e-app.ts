import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../server/src/start';
import type { LocalVisit, OutboxRow } from '../../src/db/rows';
import { uuidv7 } from '../../shared/uuidv7';
import { startDemoServer } from './demo-data';
import { makeVisit } from './fixtures';

/** Shared steps of the end-to-end tests, written as an agent would do them. */
export const DEMO_PASSWORD = 'demo-dernier-km';
/** The PIN the tests' agents choose after their first login (issue 7). */
export const TEST_PIN = '482915';

/**
 * The first online login of an agent, then the PIN choice. `beforePin` runs while the PIN screen
 * waits: rows seeded raw then are sealed by the PIN choice, as a tablet's own rows would be.
 */
export async function logIn(
  page: Page,
  url: string,
  login: string,
  options: { beforePin?: () => Promise<void> } = {},
) {
  await page.goto(url);
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByLabel('Nouveau code').waitFor({ timeout: 30_000 });
  // The service worker controls the page: from now on the shell is served from its cache.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  await options.beforePin?.();
  await choosePin(page);
}

/** The PIN choice that follows an online login: the app opens on the visit list after it. */
export async function choosePin(page: Page, pin = TEST_PIN) {
  await page.getByLabel('Nouveau code').fill(pin);
  await page.getByLabel('Confirmez le code').fill(pin);
  await page.getByRole('button', { name: 'Enregistrer le code' }).click();
  await page.getByRole('heading', { name: 'Mes visites' }).waitFor({ timeout: 30_000 });
}

/** Unlocks the app with the PIN, as after a reload, a new tab or a restarted browser. */
export async function unlock(page: Page, pin = TEST_PIN) {
  const field = page.getByLabel('Code', { exact: true });
  await field.waitFor({ timeout: 30_000 }).catch(async (error: Error) => {
    throw new Error(`${error.message}\n${await whatTheScreenShows(page)}`);
  });
  await field.fill(pin);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await page
    .getByRole('heading', { name: 'Application verrouillée' })
    .waitFor({ state: 'detached', timeout: 30_000 });
}

/** The page's address and the start of its text, for a failure that must say where it stood. */
async function whatTheScreenShows(page: Page): Promise<string> {
  const text = await page
    .locator('body')
    .innerText({ timeout: 2_000 })
    .catch((error: Error) => `(texte illisible : ${error.message})`);
  return `The page at ${page.url()} shows: ${text.replace(/\s+/g, ' ').slice(0, 600)}`;
}

/** A home visit typed as an agent would, left open (a draft saved on every change). */
export async function fillVisit(
  page: Page,
  name: string,
  details: { motif: string; notes: string },
) {
  await page.getByRole('link', { name: 'Nouvelle visite à domicile' }).click();
  await page.getByLabel('Nom et prénom de la personne').fill(name);
  await page.getByRole('combobox', { name: 'Commune' }).fill('vendome');
  await page.getByRole('option', { name: /^Vendôme/ }).click();
  await page.getByLabel('Motif de la visite').fill(details.motif);
  await page.getByLabel('Notes').fill(details.notes);
}

/** The same visit saved: it is queued in the outbox, and the app goes back to the list. */
export async function saveVisit(
  page: Page,
  name: string,
  details: { motif: string; notes: string },
) {
  await fillVisit(page, name, details);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('heading', { name: 'Mes visites' }).waitFor();
}

/** How many visits of this person's name the server holds. */
export async function serverVisitCount(server: RunningServer, name: string): Promise<number> {
  const rows = await server.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM visits WHERE answers->>'personName' = $1",
    [name],
  );
  return rows[0]!.n;
}

/** Counts rows of one table of the app's IndexedDB, read raw from the page. */
export function countRows(
  page: Page,
  table: string,
  where?: { index: string; value: string },
): Promise<number> {
  return page.evaluate(
    ({ table, where }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('dernier-km');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction(table).objectStore(table);
          const request = where ? store.index(where.index).count(where.value) : store.count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    { table, where },
  );
}

/**
 * Puts `count` saved visits in the app's outbox as `queueVisit` would (visit row + outbox row
 * + counters), straight into IndexedDB, to build a large backlog without typing it. `notes`
 * fills the free-text field, to give the visits a realistic size.
 */
export async function seedOutbox(
  page: Page,
  count: number,
  tag: string,
  siteId: string,
  notes?: string,
): Promise<void> {
  const visits: LocalVisit[] = [];
  const outbox: OutboxRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const visit = makeVisit({
      siteId,
      answers: { ...makeVisit().answers, personName: `${tag} ${i}`, ...(notes && { notes }) },
    });
    visits.push({ ...visit, syncState: 'pending', visitDate: String(visit.answers.date) });
    outbox.push({
      id: uuidv7(),
      seq: i + 1,
      entity: 'visit',
      op: 'put',
      entityId: visit.id,
      data: visit,
      at: visit.createdAt,
      status: 'pending',
      attempts: 0,
    });
  }
  await page.evaluate(
    ({ visits, outbox }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('dernier-km');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['visits', 'outbox', 'meta'], 'readwrite');
          visits.forEach((v) => tx.objectStore('visits').put(v));
          outbox.forEach((o) => tx.objectStore('outbox').put(o));
          tx.objectStore('meta').put({ key: 'outbox-seq', value: outbox.length });
          tx.objectStore('meta').put({ key: 'outbox-pending', value: outbox.length });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { visits, outbox },
  );
}

/**
 * The real server as `npm start` runs it, on a fresh copy of the embedded demo database and
 * the built PWA, started before the file's tests and stopped after them. `workDir` also holds
 * the browser profiles.
 */
export function useE2EServer(prefix: string): {
  readonly server: RunningServer;
  readonly workDir: string;
} {
  let server: RunningServer | undefined;
  let workDir: string | undefined;
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), prefix));
    server = await startDemoServer(workDir, { distDir: 'dist' });
  });
  afterAll(async () => {
    await server?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });
  return {
    get server() {
      if (!server) throw new Error('server not started yet');
      return server;
    },
    get workDir() {
      if (!workDir) throw new Error('server not started yet');
      return workDir;
    },
  };
}
