import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatHlc } from '../../../shared/persons/hlc';
import type { ReferralTarget } from '../../../shared/persons/referral';
import { uuidv7 } from '../../../shared/uuidv7';
import { FakeServer } from '../../../tests/support/fake-server';
import { makeVisit, testSession } from '../../../tests/support/fixtures';
import { freshDb } from '../../../tests/support/test-db';
import type { AppDB } from '../../db/AppDB';
import type { LocalReferral } from '../../db/person-rows';
import { startSession } from '../../db/session';
import { createSyncEngine } from '../../sync/sync-engine';
import { ServicesContext } from '../services';
import { PersonScreens } from './PersonScreens';

let db: AppDB;
afterEach(async () => {
  cleanup();
  await db.delete();
});

const BLOIS = 'mds-41-41018';
const ME = testSession.agent.id;
const NADIA = '0190f5c6-0000-7000-8000-0000000000c2';
const PERSON = '0190f5c6-0000-7000-8000-0000000000a1';
const receipt = (number: string) => ({ number, issuedAt: '2026-11-20T10:00:00.000Z' });
const write = { hlc: formatHlc({ ms: 1, counter: 0, node: 's' }), by: ME };

function referral(
  to: ReferralTarget,
  extra: Pick<LocalReferral, 'createdAt' | 'status'> & Partial<LocalReferral>,
): LocalReferral {
  return {
    id: uuidv7(),
    personId: PERSON,
    fromSiteId: BLOIS,
    fromAgentId: ME,
    to,
    reason: 'Dettes de loyer, expulsion possible',
    urgency: 'normale',
    consent: true,
    documents: [],
    events: [],
    syncState: 'synced',
    ...extra,
  };
}

async function seed(db: AppDB) {
  await db.sites.put({
    id: BLOIS,
    name: 'Maison des Solidarités de Blois',
    kind: 'mds',
    communeInsee: '41018',
    communeName: 'Blois',
    latitude: 47.58,
    longitude: 1.3,
  });
  await db.agentProfiles.bulkPut([
    { id: ME, displayName: 'Sophie Lefèvre', role: 'puericultrice', siteIds: [BLOIS] },
    { id: NADIA, displayName: 'Nadia Benali', role: 'conseillere_autonomie', siteIds: [BLOIS] },
  ]);
  await db.persons.put({
    id: PERSON,
    siteId: BLOIS,
    fields: { lastName: { value: 'Roux', ...write }, firstName: { value: 'Anne', ...write } },
    followers: [{ agentId: ME, since: '2026-11-01T09:00:00.000Z' }],
    pinnedBy: [],
    syncState: 'synced',
    version: 4,
    receipt: receipt('2026-000040'),
  });
  const first = makeVisit({
    formId: 'pmi-visite',
    formVersion: 1,
    personId: PERSON,
    answers: { dateVisite: '2026-11-10', notes: 'Humeur triste, pleurs fréquents' },
  });
  const correction = makeVisit({
    formId: 'pmi-visite',
    formVersion: 1,
    personId: PERSON,
    supersedes: first.id,
    answers: { dateVisite: '2026-11-10', notes: 'Humeur triste, pleurs fréquents' },
  });
  await db.visits.bulkPut([
    { ...first, visitDate: '2026-11-10', syncState: 'synced', receipt: receipt('2026-000041') },
    {
      ...correction,
      visitDate: '2026-11-10',
      syncState: 'synced',
      receipt: receipt('2026-000044'),
    },
  ]);
  await db.referrals.bulkPut([
    referral(
      { kind: 'partner', partner: 'CAF' },
      { createdAt: '2026-11-12T09:00:00.000Z', status: 'recue', receipt: receipt('2026-000042') },
    ),
    referral(
      { kind: 'agent', agentId: NADIA },
      { createdAt: '2026-11-13T09:00:00.000Z', status: 'envoyee' },
    ),
  ]);
  await db.tasks.put({
    id: uuidv7(),
    personId: PERSON,
    siteId: BLOIS,
    assigneeId: ME,
    kind: 'visite',
    title: 'Refaire l’EPDS',
    dueOn: '2099-06-01',
    doneAt: null,
    createdAt: '2026-11-10T09:00:00.000Z',
    syncState: 'synced',
  });
}

describe('follow-up sheet screen', () => {
  it('tells the person what was recorded, who comes next and how to ask, without a sensitive word, and prints', async () => {
    db = freshDb();
    await startSession(db, testSession);
    await seed(db);
    const api = new FakeServer();
    render(
      <ServicesContext.Provider value={{ db, api, sync: createSyncEngine({ db, api }) }}>
        <PersonScreens route={{ name: 'person-sheet', id: PERSON }} session={testSession} />
      </ServicesContext.Provider>,
    );
    await screen.findByRole('heading', { name: 'Votre suivi, Anne Roux' });
    const list = (heading: string) =>
      within(screen.getByRole('heading', { name: heading }).nextElementSibling as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    // The directory (names, the MDS) arrives by its own live query, a moment after the file.
    await screen.findByText('Appelez ou venez à la Maison des Solidarités de Blois.');

    expect(list('Ce que nous avons noté')).toEqual([
      'Votre dossier porte le numéro 2026-000040.',
      'Le 10 novembre 2026 : visite de la puéricultrice.',
      'Votre numéro de suivi est le 2026-000044.',
      'Le 12 novembre 2026 : demande envoyée à la CAF.',
      'Votre demande est bien reçue.',
      'Votre numéro de suivi est le 2026-000042.',
      'Le 13 novembre 2026 : demande envoyée à Nadia Benali.',
      'Votre demande est envoyée.',
      'Votre numéro de suivi vous sera donné à la prochaine visite.',
    ]);
    expect(list('La suite')).toEqual([
      'Sophie Lefèvre vous verra le 1er juin 2099.',
      'La CAF va vous contacter.',
      'Nadia Benali va vous contacter.',
      'Son métier : conseillère autonomie.',
      'Les professionnels qui vous suivent : Sophie Lefèvre.',
    ]);
    expect(list('Savoir où en est votre dossier')).toEqual([
      'Vous voulez savoir où en est votre dossier ?',
      'Appelez ou venez à la Maison des Solidarités de Blois.',
      'Donnez le numéro de votre dossier : 2026-000040.',
      'Vous pouvez aussi demander à Sophie Lefèvre.',
      'C’est gratuit.',
    ]);
    const text = document.body.textContent ?? '';
    for (const secret of ['triste', 'loyer', 'EPDS', 'expulsion'])
      expect(text).not.toContain(secret);

    // happy-dom has no print dialog: the browser's own is replaced by a spy.
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Imprimer' }).closest('.no-print')).not.toBeNull();
  });
});
