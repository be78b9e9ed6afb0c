import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PMI_VISITE } from '../../../shared/forms/definitions/pmi-visite';
import { formatHlc } from '../../../shared/persons/hlc';
import { taskDataSchema } from '../../../shared/persons/task';
import { uuidv7 } from '../../../shared/uuidv7';
import { FakeServer } from '../../../tests/support/fake-server';
import { makeVisit, testSession } from '../../../tests/support/fixtures';
import { freshDb } from '../../../tests/support/test-db';
import type { AppDB } from '../../db/AppDB';
import { startSession } from '../../db/session';
import { createSyncEngine } from '../../sync/sync-engine';
import { ServicesContext } from '../services';
import { PersonScreens } from './PersonScreens';
import type { PersonsRoute } from './persons-routes';

let db: AppDB;
afterEach(async () => {
  cleanup();
  await db.delete();
});

const BLOIS = 'mds-41-41018';
const ME = testSession.agent.id;
const PERSON = '0190f5c6-0000-7000-8000-0000000000a1';
const receipt = (number: string) => ({ number, issuedAt: '2026-11-20T10:00:00.000Z' });
/** Days far from any run of the tests: the screens compare with the tablet's own day. */
const LONG_AGO = '2020-01-06';
const FAR_AHEAD = '2099-06-01';

async function show(route: PersonsRoute, seed: (db: AppDB) => Promise<unknown> = async () => {}) {
  db = freshDb();
  await startSession(db, testSession);
  const write = { hlc: formatHlc({ ms: 1, counter: 0, node: 's' }), by: ME };
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
  await db.agentProfiles.put({
    id: ME,
    displayName: 'Sophie Lefèvre',
    role: 'puericultrice',
    siteIds: [BLOIS],
  });
  await seed(db);
  const api = new FakeServer();
  render(
    <ServicesContext.Provider value={{ db, api, sync: createSyncEngine({ db, api }) }}>
      <PersonScreens route={route} session={testSession} />
    </ServicesContext.Provider>,
  );
}

function storedTask(title: string, dueOn: string, extra: Record<string, unknown> = {}) {
  return {
    id: uuidv7(),
    personId: PERSON,
    siteId: BLOIS,
    assigneeId: ME,
    kind: 'tache' as const,
    title,
    dueOn,
    doneAt: null,
    createdAt: '2019-12-01T09:00:00.000Z',
    createdBy: ME,
    version: 3,
    syncState: 'synced' as const,
    ...extra,
  };
}

describe('tasks and history screens', () => {
  it('plans a visit from the file: queued for the server, then in the history as not yet sent', async () => {
    await show({ name: 'person', id: PERSON });
    fireEvent.input(await screen.findByLabelText('Quoi'), {
      target: { value: 'Pesée du bébé' },
    });
    fireEvent.input(screen.getByLabelText('Pour le'), { target: { value: FAR_AHEAD } });
    fireEvent.click(screen.getByRole('button', { name: 'Planifier' }));
    await screen.findByText('Planifié. Visible dans « Mes tâches ».');

    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ entity: 'task', op: 'put' });
    expect(row?.baseVersion).toBeUndefined();
    expect(taskDataSchema.parse(row!.data)).toMatchObject({
      personId: PERSON,
      siteId: BLOIS,
      assigneeId: ME,
      kind: 'visite',
      title: 'Pesée du bébé',
      dueOn: FAR_AHEAD,
      doneAt: null,
    });
    const history = screen.getByRole('region', { name: 'Historique' });
    await within(history).findByText(
      '1 juin 2099 — Visite prévue : Pesée du bébé (à faire) · Sophie Lefèvre · pas encore envoyée',
    );
  });

  it('lists the followed person with the next visit planned and the late tasks', async () => {
    await show({ name: 'persons' }, (db) =>
      db.tasks.bulkPut([
        { ...storedTask('Visite', FAR_AHEAD), kind: 'visite' },
        storedTask('Appeler la CAF', LONG_AGO),
      ]),
    );
    const followed = await screen.findByRole('heading', { name: 'Personnes que je suis (1)' });
    const item = within(followed.nextElementSibling as HTMLElement).getByRole('listitem');
    expect(item.textContent).toBe('ROUX Anne Prochaine visite : 1 juin 2099 · 1 tâche en retard');
  });

  it('marks a late task done: sent on the version held, moved from late to done', async () => {
    const late = storedTask('Appeler la CAF', LONG_AGO, { receipt: receipt('2026-000051') });
    await show({ name: 'tasks' }, (db) =>
      db.tasks.bulkPut([late, storedTask('Rappeler Mme Roux', FAR_AHEAD)]),
    );
    const lateGroup = await screen.findByRole('region', { name: 'En retard (1)' });
    expect(lateGroup.textContent).toContain('Appeler la CAF');
    expect(lateGroup.textContent).toContain('reçu n° 2026-000051');
    expect(screen.getByRole('region', { name: 'À faire (1)' }).textContent).toContain(
      'Rappeler Mme Roux',
    );

    fireEvent.click(within(lateGroup).getByRole('button', { name: 'Marquer comme faite' }));
    const doneGroup = await screen.findByRole('region', { name: 'Faites (1)' });
    expect(doneGroup.textContent).toContain('Appeler la CAF');
    expect(doneGroup.textContent).toContain(
      'reçu n° 2026-000051 · modification pas encore envoyée',
    );
    expect(within(doneGroup).queryByRole('button')).toBeNull();
    expect(screen.getByRole('region', { name: 'En retard (0)' })).toBeTruthy();

    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ entity: 'task', entityId: late.id, baseVersion: 3 });
    expect(taskDataSchema.parse(row!.data).doneAt).not.toBeNull();
  });

  it('shows visits, referrals and tasks in the history with their receipt numbers', async () => {
    await show({ name: 'person', id: PERSON }, async (db) => {
      await db.formDefinitions.put({
        id: `${PMI_VISITE.formId}@${PMI_VISITE.version}`,
        formId: PMI_VISITE.formId,
        version: PMI_VISITE.version,
        definition: PMI_VISITE,
        publishedAt: '2026-01-01T00:00:00.000Z',
      });
      const visit = makeVisit({
        formId: PMI_VISITE.formId,
        formVersion: PMI_VISITE.version,
        answers: { date: '2026-11-18', enfantPrenom: 'Léo' },
        personId: PERSON,
      });
      await db.visits.put({
        ...visit,
        visitDate: '2026-11-18',
        authorId: ME,
        syncState: 'synced',
        receipt: receipt('2026-000061'),
      });
      await db.referrals.put({
        id: uuidv7(),
        personId: PERSON,
        fromSiteId: BLOIS,
        fromAgentId: ME,
        to: { kind: 'partner', partner: 'CAF' },
        reason: 'Dossier de prime d’activité',
        urgency: 'normale',
        consent: true,
        documents: [],
        createdAt: '2026-11-19T09:00:00.000Z',
        status: 'recue',
        events: [],
        version: 8,
        syncState: 'synced',
        receipt: receipt('2026-000062'),
      });
      await db.tasks.put(
        storedTask('Rappeler', '2026-11-21', {
          doneAt: '2026-11-21T16:00:00.000Z',
          receipt: receipt('2026-000063'),
        }),
      );
    });
    const history = await screen.findByRole('region', { name: 'Historique' });
    const lines = () =>
      within(history)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    // The directory (names) arrives by its own live query, a moment after the history.
    await waitFor(() =>
      expect(lines()[0]).toBe(
        '21 novembre 2026 — Tâche : Rappeler (faite) · Sophie Lefèvre · reçu n° 2026-000063',
      ),
    );
    expect(lines()).toHaveLength(3);
    expect(lines()[1]).toMatch(
      /^19\/11\/2026 \d\d:\d\d — Orientation vers CAF : Reçue · reçu n° 2026-000062$/,
    );
    expect(lines()[2]).toBe(
      `18 novembre 2026 — ${PMI_VISITE.title} Léo · reçu n° 2026-000061 · par Sophie Lefèvre`,
    );
  });
});
