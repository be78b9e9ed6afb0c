/**
 * Runs inside Chromium (bundled by security.bench.ts): the app's own storage and key code on a
 * real IndexedDB, with encryption and, in the same run, without it.
 */
import { AppDB } from '../src/db/AppDB';
import { saveDraft } from '../src/db/drafts';
import { ensureKeyring, KEYRING_ID } from '../src/db/keyring';
import type { DraftRow, LocalVisit } from '../src/db/rows';
import { choosePin, openVault, unlockWithPin } from '../src/db/unlock';
import { listVisits, queueVisit } from '../src/db/visits';
import { newDataKey } from '../src/security/key-hierarchy';
import { uuidv7 } from '../shared/uuidv7';

const PIN = '482915';
const UNLOCKS = 5;
const SAVES = 300;
const VISIT_SAVES = 200;
const LIST_OPENS = 20;
const LIST_SIZE = 500;

export interface SaveFigures {
  saveMs: number[];
  visitMs: number[];
  listMs: number[];
}

export interface SecurityFigures {
  unlockMs: number[];
  /** The floor: the same draft put in a bare IndexedDB store, by durability. */
  barePutMs: { strict: number[]; relaxed: number[] };
  sealed: SaveFigures;
  plain: SaveFigures;
}

function visitRows(count: number, from: number): LocalVisit[] {
  const day = new Date().toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => ({
    id: uuidv7(),
    siteId: 'mds-41-41018',
    formId: 'pmi-visite',
    formVersion: 1,
    status: 'signed' as const,
    createdAt: new Date().toISOString(),
    visitDate: day,
    syncState: 'synced' as const,
    answers: {
      dateVisite: day,
      enfantNom: `Enfant ${from + i}`,
      adresse: `${i} rue des Écoles, Blois`,
      poids: 4200,
      observations: 'Visite sans particularité. '.repeat(20),
    },
  }));
}

async function fill(db: AppDB, visits: number): Promise<void> {
  for (let start = 0; start < visits; start += 1000)
    await db.visits.bulkPut(visitRows(Math.min(1000, visits - start), start));
}

/**
 * Times `step` on both databases in turn, `count` times, the first of the two alternating, so
 * the warm-up of the code, garbage collection and disk flushes weigh on both alike.
 */
async function alternate(
  dbs: { sealed: AppDB; plain: AppDB },
  count: number,
  step: (db: AppDB, i: number) => Promise<number>,
): Promise<{ sealed: number[]; plain: number[] }> {
  const ms = { sealed: [] as number[], plain: [] as number[] };
  for (let i = 0; i < count; i += 1) {
    const order = i % 2 === 0 ? (['sealed', 'plain'] as const) : (['plain', 'sealed'] as const);
    for (const which of order) ms[which].push(await step(dbs[which], i));
  }
  return ms;
}

/** A draft saved on every change: one row of one table. */
function draftSave(): (db: AppDB, i: number) => Promise<number> {
  const drafts = new Map<AppDB, DraftRow>();
  return async (db, i) => {
    const now = new Date().toISOString();
    const previous = drafts.get(db);
    const draft: DraftRow = {
      id: previous?.id ?? uuidv7(),
      formId: 'pmi-visite',
      formVersion: 1,
      answers: {
        ...previous?.answers,
        enfantNom: 'Léa Martin',
        observations: `Observation ${i} `.repeat(40),
      },
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
    };
    drafts.set(db, draft);
    const started = performance.now();
    await saveDraft(db, draft);
    return performance.now() - started;
  };
}

/** A bare IndexedDB database with one store, for the floor of a draft save. */
function openBare(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(`bench-bare-${Date.now()}`, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('drafts', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** One put of a draft-sized row in its own transaction, with `durability`, until committed. */
function barePut(idb: IDBDatabase, durability: 'strict' | 'relaxed', i: number): Promise<number> {
  const row = { id: durability, answers: { observations: `Observation ${i} `.repeat(40) } };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const tx = idb.transaction('drafts', 'readwrite', { durability });
    tx.objectStore('drafts').put(row);
    tx.oncomplete = () => resolve(performance.now() - started);
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * A signed visit saved from its draft (`queueVisit`): the visit row and its outbox mutation,
 * both sealed, the outbox counter and the draft's removal, in one transaction. Only that
 * transaction is timed; the draft is written before it, as the form would have.
 */
async function visitSave(db: AppDB, i: number): Promise<number> {
  const now = new Date().toISOString();
  const answers = {
    personName: `Léa Martin ${i}`,
    adresse: `${i} rue des Écoles, Blois`,
    poids: 4200,
    observations: `Observation ${i} `.repeat(40),
  };
  const draftId = uuidv7();
  await saveDraft(db, {
    id: draftId,
    formId: 'pmi-visite',
    formVersion: 1,
    answers,
    createdAt: now,
    updatedAt: now,
  });
  const visit = {
    id: uuidv7(),
    siteId: 'mds-41-41018',
    formId: 'pmi-visite',
    formVersion: 1,
    answers,
    status: 'signed' as const,
    createdAt: now,
  };
  const started = performance.now();
  await queueVisit(db, draftId, visit);
  return performance.now() - started;
}

async function listOpen(db: AppDB): Promise<number> {
  const started = performance.now();
  const rows = await listVisits(db, LIST_SIZE);
  const ms = performance.now() - started;
  if (rows.length !== LIST_SIZE) throw new Error(`${rows.length} visites lues`);
  return ms;
}

/**
 * `settleMs`: the pause after the visits are written, before the saves are timed. Chromium's
 * storage compacts a burst of 40,000 rows for several seconds, while a tablet's visits were
 * written over months.
 */
export async function runSecurityBench(
  visitsOnDevice: number,
  settleMs: number,
): Promise<SecurityFigures> {
  const sealed = new AppDB(`bench-sealed-${Date.now()}`);
  await ensureKeyring(sealed);
  const agentId = uuidv7();
  await sealed.keyring.update(KEYRING_ID, {
    owner: { agentId, login: 'bench', displayName: 'Banc d’essai' },
  });
  await openVault(sealed, newDataKey(), agentId);
  await choosePin(sealed, PIN);
  const unlockMs: number[] = [];
  for (let i = 0; i < UNLOCKS; i += 1) {
    sealed.vault.close();
    const started = performance.now();
    const result = await unlockWithPin(sealed, PIN);
    unlockMs.push(performance.now() - started);
    if (result.status !== 'unlocked') throw new Error(`déverrouillage : ${result.status}`);
  }
  await fill(sealed, visitsOnDevice);

  // The same app code with the encryption layer taken out: the peer of the same run.
  const plain = new AppDB(`bench-plain-${Date.now()}`);
  plain.unuse({ stack: 'dbcore', name: 'sealing' });
  await fill(plain, visitsOnDevice);

  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const bare = await openBare();
  const barePutMs = { strict: [] as number[], relaxed: [] as number[] };
  for (let i = 0; i < SAVES; i += 1) {
    barePutMs.strict.push(await barePut(bare, 'strict', i));
    barePutMs.relaxed.push(await barePut(bare, 'relaxed', i));
  }
  bare.close();
  indexedDB.deleteDatabase(bare.name);
  const dbs = { sealed, plain };
  const saveMs = await alternate(dbs, SAVES, draftSave());
  const visitMs = await alternate(dbs, VISIT_SAVES, visitSave);
  const listMs = await alternate(dbs, LIST_OPENS, listOpen);
  const figures = {
    unlockMs,
    barePutMs,
    sealed: { saveMs: saveMs.sealed, visitMs: visitMs.sealed, listMs: listMs.sealed },
    plain: { saveMs: saveMs.plain, visitMs: visitMs.plain, listMs: listMs.plain },
  };
  await sealed.delete();
  await plain.delete();
  return figures;
}
