import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/persons/hlc';
import { personEditSchema } from '../../../shared/persons/person';
import { FakeServer } from '../../../tests/support/fake-server';
import { testSession } from '../../../tests/support/fixtures';
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

const PERSON = '0190f5c6-0000-7000-8000-0000000000a1';

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

async function sentConsent() {
  await waitFor(async () => expect(await db.outbox.count()).toBe(1));
  const [row] = await db.outbox.toArray();
  return personEditSchema.parse(row!.data).edits.consent?.value;
}

describe('how the person gave their consent', () => {
  it('records a consent given in writing on a new file', async () => {
    await show({ name: 'person-new' });
    fireEvent.input(await screen.findByLabelText('Nom'), { target: { value: 'Roux' } });
    fireEvent.input(screen.getByLabelText('Prénom'), { target: { value: 'Anne' } });
    fireEvent.click(screen.getByLabelText(/La personne accepte/));
    fireEvent.click(screen.getByRole('radio', { name: 'Par écrit (document signé)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Créer la fiche' }));
    expect(await sentConsent()).toMatchObject({ given: true, how: 'écrit' });
  });

  it('shows how it was given on the file, and sends a change of it', async () => {
    const write = (value: unknown) => ({
      value,
      hlc: formatHlc({ ms: 1, counter: 0, node: 's' }),
      by: testSession.agent.id,
    });
    await show({ name: 'person', id: PERSON }, [
      {
        id: PERSON,
        siteId: 'mds-41-41018',
        fields: {
          lastName: write('Roux'),
          firstName: write('Anne'),
          consent: write({ given: true, on: '2026-11-02', how: 'écrit' }),
        },
        followers: [],
        pinnedBy: [],
        syncState: 'synced',
        version: 4,
      },
    ]);
    await screen.findByText('donné par écrit (document signé) le 2 novembre 2026');
    fireEvent.click(screen.getByRole('button', { name: 'Modifier' }));
    expect(
      (screen.getByRole('radio', { name: 'Par écrit (document signé)' }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'À l’oral' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await sentConsent()).toMatchObject({ given: true, how: 'oral' });
  });
});
