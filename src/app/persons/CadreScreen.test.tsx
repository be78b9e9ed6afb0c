import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReferralEvent, ReferralTarget } from '../../../shared/persons/referral';
import type { ReferralStatus } from '../../../shared/persons/referral-status';
import { formatHlc } from '../../../shared/persons/hlc';
import { uuidv7 } from '../../../shared/uuidv7';
import { FakeServer } from '../../../tests/support/fake-server';
import { testSession } from '../../../tests/support/fixtures';
import { freshDb } from '../../../tests/support/test-db';
import type { AppDB } from '../../db/AppDB';
import type { Session } from '../../db/session';
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
const VENDOME = 'mds-41-41269';
const DAY_MS = 24 * 60 * 60 * 1000;
const cadre: Session = {
  ...testSession,
  agent: { ...testSession.agent, role: 'cadre', displayName: 'Cadre de Blois' },
};
const profile = (displayName: string, siteId: string) => ({
  id: uuidv7(),
  displayName,
  role: 'travailleur_social' as const,
  siteIds: [siteId],
});
const inBlois = profile('Rose Receveuse', BLOIS);
const senderBlois = profile('Simon Envoyeur', BLOIS);
const inVendome = profile('Victor Vendômois', VENDOME);

const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const dayAgo = (days: number) => ago(days).slice(0, 10);

function referral(
  from: { id: string; siteIds: string[] },
  to: ReferralTarget,
  steps: [ReferralStatus, number][],
  personId: string,
) {
  const events: ReferralEvent[] = steps.map(([status, daysAgo], i) => ({
    seq: i + 1,
    status,
    at: ago(daysAgo),
    agentId: from.id,
    ...(status === 'refusee' ? { reason: 'Hors secteur' } : {}),
  }));
  return {
    id: uuidv7(),
    personId,
    fromSiteId: from.siteIds[0]!,
    fromAgentId: from.id,
    to,
    reason: 'Démarches CAF',
    urgency: 'normale',
    consent: true,
    documents: [],
    createdAt: events[0]!.at,
    status: steps.at(-1)![0],
    events,
    version: 2,
    syncState: 'synced',
  };
}

function task(assigneeId: string, siteId: string, dueOn: string, personId: string) {
  return {
    id: uuidv7(),
    personId,
    siteId,
    assigneeId,
    kind: 'tache',
    title: `Rappeler (${assigneeId.slice(-4)})`,
    dueOn,
    doneAt: null,
    createdAt: ago(10),
    syncState: 'synced',
  };
}

async function show(session: Session) {
  db = freshDb();
  await startSession(db, session);
  const lina = uuidv7();
  const write = (value: string) => ({
    value,
    hlc: formatHlc({ ms: 1, counter: 0, node: 's' }),
    by: inVendome.id,
  });
  await db.persons.put({
    id: lina,
    siteId: VENDOME,
    fields: { lastName: write('Roux'), firstName: write('Lina') },
    followers: [],
    pinnedBy: [],
    syncState: 'synced',
  } as never);
  await db.agentProfiles.bulkPut([inBlois, senderBlois, inVendome]);
  await db.referrals.bulkPut([
    referral(
      inVendome,
      { kind: 'agent', agentId: inBlois.id },
      [
        ['envoyee', 6],
        ['recue', 5],
      ],
      lina,
    ),
    referral(senderBlois, { kind: 'partner', partner: 'CAF' }, [['envoyee', 3]], lina),
    referral(inVendome, { kind: 'agent', agentId: inVendome.id }, [['envoyee', 3]], lina),
    referral(
      inVendome,
      { kind: 'agent', agentId: inBlois.id },
      [
        ['envoyee', 9],
        ['refusee', 7],
      ],
      lina,
    ),
    referral(
      senderBlois,
      { kind: 'site', siteId: BLOIS },
      [
        ['envoyee', 4],
        ['recue', 4],
        ['en_cours', 1],
      ],
      lina,
    ),
  ] as never[]);
  await db.tasks.bulkPut([
    task(inBlois.id, VENDOME, dayAgo(3), lina),
    task(inVendome.id, BLOIS, dayAgo(3), lina),
    task(inBlois.id, BLOIS, dayAgo(-2), lina),
  ] as never[]);
  const api = new FakeServer();
  render(
    <ServicesContext.Provider value={{ db, api, sync: createSyncEngine({ db, api }) }}>
      <PersonScreens route={{ name: 'cadre' }} session={session} />
    </ServicesContext.Provider>,
  );
}

describe('cadre screen', () => {
  it('counts and lists the open referrals sent by and addressed to the MDS and its agents, the delays and late tasks', async () => {
    await show(cadre);
    const figures = await screen.findByRole('list', { name: 'Chiffres de la MDS' });
    expect(
      within(figures)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Orientations ouvertes envoyées : 2',
      'Orientations ouvertes reçues : 2',
      'Tâches en retard : 1',
    ]);
    await screen.findByRole('heading', { name: 'Orientations ouvertes (3)' });
    // The names come from the directory, read by its own live query a moment later.
    await screen.findAllByText(/Simon Envoyeur/);
    const rows = within(screen.getAllByRole('table')[0]!)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual(
      expect.arrayContaining([
        ['ROUX Lina', 'Reçue', `Victor Vendômois (${VENDOME})`, 'Rose Receveuse', 'Reçue', '5 j'],
        ['ROUX Lina', 'Envoyée', `Simon Envoyeur (${BLOIS})`, 'CAF', 'Envoyée', '3 j'],
        ['ROUX Lina', 'Interne à la MDS', `Simon Envoyeur (${BLOIS})`, BLOIS, 'En cours', '1 j'],
      ]),
    );
    expect(rows).toHaveLength(3);

    const delays = within(screen.getAllByRole('table')[1]!);
    const delayRow = (label: string) =>
      within(delays.getByRole('rowheader', { name: label }).closest('tr')!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(delayRow('Envoyée → reçue')).toEqual(['2', '0,5 j', '1,0 j']);
    expect(delayRow('Envoyée → refusée')).toEqual(['1', '2,0 j', '2,0 j']);
    expect(delayRow('Reçue → refusée')).toEqual(['0', '—', '—']);

    const lateTasks = screen
      .getByRole('heading', { name: 'Tâches en retard (1)' })
      .closest('section')!;
    expect(
      within(lateTasks)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/Rappeler .* — ROUX Lina · Rose Receveuse$/)]);
  });

  it('tells an agent who is not a cadre that the screen is for cadres, and shows no figure', async () => {
    await show(testSession);
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Cet écran est réservé aux cadres de la MDS\./,
    );
    expect(screen.queryByRole('table')).toBeNull();
  });
});
