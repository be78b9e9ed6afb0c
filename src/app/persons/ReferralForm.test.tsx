import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/persons/hlc';
import { referralDataSchema } from '../../../shared/persons/referral';
import type { Site } from '../../../shared/schemas/site';
import { uuidv7 } from '../../../shared/uuidv7';
import { FakeServer } from '../../../tests/support/fake-server';
import { testSession } from '../../../tests/support/fixtures';
import { freshDb } from '../../../tests/support/test-db';
import type { AppDB } from '../../db/AppDB';
import { startSession } from '../../db/session';
import { createSyncEngine } from '../../sync/sync-engine';
import { ServicesContext } from '../services';
import { PersonScreens } from './PersonScreens';
import { sendingSite } from './sending-site';

const BLOIS = 'mds-41-41018';
const MER = 'mds-41-41136';
const VENDOME = 'mds-41-41269';
const site = (id: string, name: string): Site => ({
  id,
  name,
  kind: 'mds',
  communeInsee: id.slice(-5),
  communeName: name,
  latitude: 47.6,
  longitude: 1.3,
});

let db: AppDB;
afterEach(async () => {
  cleanup();
  await db.delete();
});

/** The "Orienter" form of a person of `personSiteId`, for an agent of Blois and Mer. */
async function orient(personSiteId: string) {
  const session = { ...testSession, agent: { ...testSession.agent, siteIds: [BLOIS, MER] } };
  db = freshDb();
  await startSession(db, session);
  await db.sites.bulkPut([site(BLOIS, 'MDS de Blois'), site(MER, 'MDS de Mer')]);
  const id = uuidv7();
  const hlc = formatHlc({ ms: 1, counter: 0, node: 's' });
  const write = (value: string) => ({ value, hlc, by: testSession.agent.id });
  await db.persons.put({
    id,
    siteId: personSiteId,
    fields: { lastName: write('Roux'), firstName: write('Anne') },
    followers: [],
    pinnedBy: [],
    syncState: 'synced',
    version: 4,
    receipt: { number: '2026-000042', issuedAt: '2026-11-20T10:00:00.000Z' },
  } as never);
  const api = new FakeServer();
  render(
    <ServicesContext.Provider value={{ db, api, sync: createSyncEngine({ db, api }) }}>
      <PersonScreens route={{ name: 'person-orient', id }} session={session} />
    </ServicesContext.Provider>,
  );
  await screen.findByRole('heading', { name: /Orienter/ });
  fireEvent.click(screen.getByLabelText(/Un partenaire/));
  fireEvent.change(screen.getByLabelText('Destinataire'), { target: { value: 'CAF' } });
  fireEvent.input(screen.getByLabelText('Motif'), { target: { value: 'Dossier RSA' } });
  fireEvent.click(screen.getByLabelText(/La personne est d’accord/));
}

async function sentFrom(): Promise<string> {
  await waitFor(async () => expect(await db.outbox.count()).toBe(1));
  const [row] = await db.outbox.toArray();
  return referralDataSchema.parse(row!.data).fromSiteId;
}

describe('the MDS a referral is sent from', () => {
  it('is the person’s MDS when the agent works there, without asking', async () => {
    await orient(MER);
    expect(screen.queryByLabelText('Depuis la MDS')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer l’orientation' }));
    expect(await sentFrom()).toBe(MER);
  });

  it('is chosen among the agent’s MDS when the person is of another one', async () => {
    await orient(VENDOME);
    const choice = screen.getByLabelText('Depuis la MDS');
    await waitFor(() =>
      expect([...choice.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
        'Choisir',
        'MDS de Blois',
        'MDS de Mer',
      ]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer l’orientation' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Choisissez la MDS d’où part l’orientation.',
    );
    expect(await db.outbox.count()).toBe(0);
    fireEvent.change(choice, { target: { value: MER } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer l’orientation' }));
    expect(await sentFrom()).toBe(MER);
  });

  it('is the agent’s only MDS for a person of another one', () => {
    expect(sendingSite(VENDOME, [BLOIS])).toEqual({ fixed: BLOIS });
    expect(sendingSite(BLOIS, [MER, BLOIS])).toEqual({ fixed: BLOIS });
  });
});
