/**
 * Forms (issue 5, DESIGN §9): draft save latency on a device holding 20,000 visits, and the
 * time to open (evaluate and render) a form of 80 fields. Runs in Node: Dexie on
 * fake-indexeddb and Preact on happy-dom, not in Chromium, so absolute figures are those of
 * this JavaScript IndexedDB; the floor beside them is the same row put with raw IndexedDB
 * calls on the same fake-indexeddb, in the same run.
 */
import 'fake-indexeddb/auto';
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { evaluateForm } from '../shared/forms/evaluate-form';
import type { FieldDefinition, FormDefinition } from '../shared/forms/definition-schema';
import { PMI_VISITE } from '../shared/forms/definitions/pmi-visite';
import { uuidv7 } from '../shared/uuidv7';
import { AppDB } from '../src/db/AppDB';
import { saveDraft } from '../src/db/drafts';
import type { DraftRow, LocalVisit } from '../src/db/rows';
import { withAnswer } from '../src/forms/answer-paths';
import { FieldList } from '../src/forms/FieldList';
import { unlocked } from '../tests/support/test-db';

const VISITS_ON_DEVICE = 20_000;
const SAVES = 300;
const OPENS = 30;
const FIELDS = 80;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor((values.length * p) / 100))
  ]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const line = (label: string, samples: number[]) =>
  console.log(
    `${label.padEnd(52)} p50 ${ms(percentile(samples, 50)).padStart(9)}   p95 ${ms(percentile(samples, 95)).padStart(9)}`,
  );

async function fillDevice(db: AppDB) {
  const now = new Date().toISOString();
  for (let start = 0; start < VISITS_ON_DEVICE; start += 1000) {
    const batch: LocalVisit[] = Array.from({ length: 1000 }, (_, i) => ({
      id: uuidv7(),
      siteId: 'mds-41-41018',
      formId: 'pmi-visite',
      formVersion: 1,
      status: 'signed',
      createdAt: now,
      visitDate: now.slice(0, 10),
      syncState: 'synced',
      answers: {
        dateVisite: now.slice(0, 10),
        enfantNom: `Enfant ${start + i}`,
        poids: 4200,
        observations: 'Visite sans particularité. '.repeat(20),
      },
    }));
    await db.visits.bulkPut(batch);
  }
}

/** What a keystroke costs on the tablet: the engine re-evaluates the form, then the draft is written. */
async function draftSaves(db: AppDB): Promise<{ save: number[]; changeAndSave: number[] }> {
  let draft: DraftRow = {
    id: uuidv7(),
    formId: PMI_VISITE.formId,
    formVersion: 1,
    answers: {},
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  };
  const save: number[] = [];
  const changeAndSave: number[] = [];
  for (let i = 0; i < SAVES; i += 1) {
    const started = performance.now();
    draft = {
      ...draft,
      answers: withAnswer(draft.answers, ['observations'], `Observation ${i} `.repeat(10)),
      updatedAt: new Date().toISOString(),
    };
    evaluateForm(PMI_VISITE, draft.answers);
    const writing = performance.now();
    await saveDraft(db, draft);
    const done = performance.now();
    save.push(done - writing);
    changeAndSave.push(done - started);
  }
  return { save, changeAndSave };
}

/** The floor: the same rows put with raw IndexedDB calls, one transaction each. */
async function rawPuts(dbName: string, rows: unknown[]): Promise<number[]> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const samples: number[] = [];
  for (const row of rows) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction('drafts', 'readwrite');
      tx.objectStore('drafts').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    samples.push(performance.now() - started);
  }
  idb.close();
  return samples;
}

function eightyFields(): FormDefinition {
  const kinds: Array<(i: number) => FieldDefinition> = [
    (i) => ({ type: 'text', id: `t${i}`, label: `Texte ${i}`, required: true }),
    (i) => ({ type: 'number', id: `n${i}`, label: `Nombre ${i}`, unit: 'cm', min: 0, max: 200 }),
    (i) => ({
      type: 'singleChoice',
      id: `c${i}`,
      label: `Choix ${i}`,
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
        { value: 'c', label: 'C' },
      ],
    }),
    (i) => ({
      type: 'yesNo',
      id: `y${i}`,
      label: `Oui ou non ${i}`,
      visibleIf: { field: `c${i - 1}`, op: 'equals', value: 'a' },
    }),
  ];
  const fields = Array.from({ length: FIELDS }, (_, i) => kinds[i % kinds.length]!(i));
  return {
    formId: 'bench-80',
    version: 1,
    title: '80 champs',
    roles: ['cadre'],
    sections: [{ id: 'tout', title: 'Tout', fields }],
  };
}

function openForm(samples: number[]) {
  const window = new Window();
  Object.assign(globalThis, { document: window.document, window });
  const definition = eightyFields();
  const answers = Object.fromEntries(
    Array.from({ length: FIELDS / 4 }, (_, k) => [`c${k * 4 + 2}`, 'a']),
  );
  for (let i = 0; i < OPENS; i += 1) {
    const root = window.document.createElement('main');
    window.document.body.appendChild(root);
    const started = performance.now();
    const evaluation = evaluateForm(definition, answers);
    const ctx = {
      answers,
      evaluation,
      computed: new Map(),
      errors: new Map(),
      onChange: () => undefined,
    };
    render(
      h(FieldList, { fields: definition.sections[0]!.fields, prefix: [], ctx }),
      root as unknown as Element,
    );
    samples.push(performance.now() - started);
    render(null, root as unknown as Element);
    root.remove();
  }
  window.close();
}

export default async function bench(): Promise<void> {
  console.log(
    `Node, Dexie on fake-indexeddb (not Chromium); ${VISITS_ON_DEVICE.toLocaleString('fr-FR')} visits on the device, ${SAVES} saves.`,
  );
  // Unlocked as after a PIN: saves go through the encryption layer (issue 7).
  const db = unlocked(new AppDB(`bench-forms-${Date.now()}`));
  await db.open();
  await fillDevice(db);
  const { save, changeAndSave } = await draftSaves(db);
  const raw = await rawPuts(
    db.name,
    Array.from({ length: SAVES }, (_, i) => ({
      id: uuidv7(),
      formId: 'x',
      formVersion: 1,
      answers: { observations: `Observation ${i} `.repeat(10) },
      createdAt: '',
      updatedAt: '',
    })),
  );
  line('draft save (schema check + Dexie put)', save);
  line('change → form evaluated → draft saved (PMI form)', changeAndSave);
  line('floor: raw IndexedDB put, same store, same run', raw);
  db.close();
  const opens: number[] = [];
  openForm(opens);
  line(`open a form of ${FIELDS} fields (evaluate + render, happy-dom)`, opens);
}
