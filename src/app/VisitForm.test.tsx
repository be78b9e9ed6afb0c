import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { testSession } from '../../tests/support/fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeServer } from '../../tests/support/fake-server';
import { freshDb } from '../../tests/support/test-db';
import type { AppDB } from '../db/AppDB';
import { newDraft, readDraft, saveDraft } from '../db/drafts';
import { countPending } from '../db/outbox';
import { listVisits } from '../db/visits';
import { createSyncEngine } from '../sync/sync-engine';
import { ServicesContext } from './services';
import { VisitForm } from './VisitForm';

let db: AppDB;
afterEach(async () => {
  cleanup();
  await db.delete();
});

const session = testSession;

async function renderForm() {
  db = freshDb();
  const draft = newDraft('visite-domicile', 1);
  await saveDraft(db, draft);
  const api = new FakeServer();
  render(
    <ServicesContext.Provider value={{ db, api, sync: createSyncEngine({ db, api }) }}>
      <VisitForm draftId={draft.id} session={session} />
    </ServicesContext.Provider>,
  );
  await screen.findByRole('heading', { name: 'Visite à domicile' });
  return draft.id;
}

describe('VisitForm', () => {
  it('writes each keystroke to the draft', async () => {
    const id = await renderForm();
    fireEvent.input(screen.getByLabelText('Nom et prénom de la personne'), {
      target: { value: 'Jeanne' },
    });
    fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'Première note' } });
    await waitFor(async () =>
      expect((await readDraft(db, id))?.answers).toMatchObject({
        personName: 'Jeanne',
        notes: 'Première note',
      }),
    );
  });

  it('lists what is missing at the top and next to each field, and queues nothing', async () => {
    await renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const summary = await screen.findByRole('heading', { name: /Le formulaire contient 4 erreur/ });
    expect(summary).toBeTruthy();
    expect(screen.getByLabelText('Nom et prénom de la personne').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(screen.getAllByText('Indiquez le nom de la personne.', { exact: false }).length).toBe(2);
    expect(await countPending(db)).toBe(0);
  });

  it('queues a complete visit and removes the draft', async () => {
    const id = await renderForm();
    fireEvent.input(screen.getByLabelText('Nom et prénom de la personne'), {
      target: { value: 'Jeanne Martin' },
    });
    const commune = screen.getByRole('combobox', { name: 'Commune' });
    fireEvent.input(commune, { target: { value: 'romorantin' } });
    fireEvent.mouseDown(await screen.findByRole('option', { name: /^Romorantin-Lanthenay/ }));
    fireEvent.input(screen.getByLabelText('Date de la visite'), {
      target: { value: '2026-11-20' },
    });
    fireEvent.input(screen.getByLabelText('Motif de la visite'), { target: { value: 'Suivi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(async () => expect(await listVisits(db)).toHaveLength(1));
    const [visit] = await listVisits(db);
    expect(visit).toMatchObject({
      id,
      siteId: 'mds-41-41018',
      answers: { personName: 'Jeanne Martin', communeInsee: '41194', date: '2026-11-20' },
    });
    expect(await readDraft(db, id)).toBeUndefined();
  });

  it('says the tablet is full in French when a save hits the quota, and keeps what was saved', async () => {
    const id = await renderForm();
    fireEvent.input(screen.getByLabelText('Nom et prénom de la personne'), {
      target: { value: 'Jeanne' },
    });
    await waitFor(async () => expect((await readDraft(db, id))?.answers.personName).toBe('Jeanne'));
    const full = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    db.drafts.hook('creating', full);
    db.drafts.hook('updating', full);
    db.outbox.hook('creating', full);

    fireEvent.input(screen.getByLabelText('Nom et prénom de la personne'), {
      target: { value: 'Jeanne Martin' },
    });
    expect(await screen.findByText(/La tablette est pleine/)).toBeTruthy();
    expect((await readDraft(db, id))?.answers.personName).toBe('Jeanne');

    fireEvent.input(screen.getByLabelText('Motif de la visite'), { target: { value: 'Suivi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () => expect(await readDraft(db, id)).toBeDefined());
    expect(await countPending(db)).toBe(0);
    expect(await listVisits(db)).toEqual([]);
  });
});
