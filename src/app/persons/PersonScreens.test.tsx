import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/persons/hlc';
import { personEditSchema } from '../../../shared/persons/person';
import { uuidv7 } from '../../../shared/uuidv7';
import { FakeServer } from '../../../tests/support/fake-server';
import { testSession } from '../../../tests/support/fixtures';
import { freshDb } from '../../../tests/support/test-db';
import type { AppDB } from '../../db/AppDB';
import { readPerson } from '../../db/persons';
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
const OTHER = '0190f5c6-0000-7000-8000-0000000000bb';
const hlc = (ms: number, node: string) => formatHlc({ ms, counter: 0, node });

async function show(route: PersonsRoute, rows: Record<string, unknown>[] = []) {
  db = freshDb();
  await startSession(db, testSession);
  await db.persons.bulkPut(rows as never[]);
  const api = new FakeServer();
  render(
    <ServicesContext.Provider value={{ db, api, sync: createSyncEngine({ db, api }) }}>
      <PersonScreens route={route} session={testSession} />
    </ServicesContext.Provider>,
  );
}

function storedPerson(id: string, fields: Record<string, unknown>) {
  return {
    id,
    siteId: BLOIS,
    fields,
    followers: [],
    pinnedBy: [],
    syncState: 'synced',
    version: 4,
    receipt: { number: '2026-000042', issuedAt: '2026-11-20T10:00:00.000Z' },
  };
}

describe('person screens', () => {
  it('offers the existing file when a new one has the same name, accents and case aside', async () => {
    const id = uuidv7();
    await show({ name: 'person-new' }, [
      storedPerson(id, {
        lastName: { value: 'Lefèvre', hlc: hlc(1, 's'), by: OTHER },
        firstName: { value: 'Zoé', hlc: hlc(1, 's'), by: OTHER },
      }),
    ]);
    fireEvent.input(await screen.findByLabelText('Nom'), { target: { value: 'LEFEVRE' } });
    fireEvent.input(screen.getByLabelText('Prénom'), { target: { value: 'zoe' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer la fiche' }));
    const existing = await screen.findByRole('link', {
      name: /Ouvrir la fiche existante : LEFÈVRE Zoé/,
    });
    expect(existing.getAttribute('href')).toBe(`#/personnes/${id}`);
    expect(await db.outbox.count()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Créer quand même' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
  });

  it('shows both values of a field edited at the same time, and sends the one chosen as settling the conflict', async () => {
    const id = uuidv7();
    const winner = hlc(5_000, 'a');
    const loser = hlc(4_000, 'b');
    await show({ name: 'person', id }, [
      storedPerson(id, {
        lastName: { value: 'Roux', hlc: hlc(1, 's'), by: OTHER },
        firstName: { value: 'Anne', hlc: hlc(1, 's'), by: OTHER },
        address: {
          value: '3 rue des Lices',
          hlc: winner,
          by: OTHER,
          conflicts: [{ value: '12 place Louis XII', hlc: loser, by: testSession.agent.id }],
        },
      }),
    ]);
    await screen.findByRole('heading', { name: 'Modifications à départager (1)' });
    fireEvent.click(screen.getByRole('radio', { name: /12 place Louis XII.*saisi par vous/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Garder cette valeur' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [row] = await db.outbox.toArray();
    const sent = personEditSchema.parse(row!.data);
    expect(sent.edits.address).toMatchObject({
      value: '12 place Louis XII',
      base: winner,
      resolves: [loser],
    });
    expect((await readPerson(db, id))?.fields.address?.conflicts).toBeUndefined();
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: /Modifications à départager/ })).toBeNull(),
    );
  });
});
