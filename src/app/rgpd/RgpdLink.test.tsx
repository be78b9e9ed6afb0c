import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/persons/hlc';
import type { Role } from '../../../shared/schemas/agent';
import { uuidv7 } from '../../../shared/uuidv7';
import { FakeServer } from '../../../tests/support/fake-server';
import { testSession } from '../../../tests/support/fixtures';
import { freshDb } from '../../../tests/support/test-db';
import type { AppDB } from '../../db/AppDB';
import { type Session, startSession } from '../../db/session';
import { createSyncEngine } from '../../sync/sync-engine';
import { PersonFileScreen } from '../persons/PersonFileScreen';
import { parseRoute } from '../router';
import { ServicesContext } from '../services';

let db: AppDB;
afterEach(async () => {
  cleanup();
  await db.delete();
});

async function showFile(role: Role, siteId = 'mds-41-41018') {
  db = freshDb();
  const session: Session = { ...testSession, agent: { ...testSession.agent, role } };
  await startSession(db, session);
  const id = uuidv7();
  const hlc = formatHlc({ ms: 1, counter: 0, node: 's' });
  await db.persons.put({
    id,
    siteId,
    fields: { lastName: { value: 'Roux', hlc, by: session.agent.id } },
    followers: [],
    pinnedBy: [],
    syncState: 'synced',
    version: 1,
  } as never);
  const api = new FakeServer();
  render(
    <ServicesContext.Provider value={{ db, api, sync: createSyncEngine({ db, api }) }}>
      <PersonFileScreen personId={id} session={session} />
    </ServicesContext.Provider>,
  );
  await screen.findByRole('heading', { name: 'ROUX', level: 1 });
  return id;
}

describe('the way to the RGPD screen from a person file', () => {
  it('is offered to the cadre, and leads to that person’s RGPD screen', async () => {
    const id = await showFile('cadre');
    const link = screen.getByRole('link', { name: 'Droits RGPD' });
    expect(link.getAttribute('href')).toBe(`#/rgpd/personne/${id}`);
    expect(parseRoute(link.getAttribute('href')!)).toEqual({ name: 'person-rgpd', id });
  });

  it('is not offered to the cadre for a person of another MDS (pinned or referred to them)', async () => {
    await showFile('cadre', 'mds-41-41025');
    expect(screen.queryByRole('link', { name: 'Droits RGPD' })).toBeNull();
  });

  it.each(['travailleur_social', 'puericultrice'] as const)(
    'is not offered to a %s, whom the server would refuse',
    async (role) => {
      await showFile(role);
      expect(screen.queryByRole('link', { name: 'Droits RGPD' })).toBeNull();
    },
  );
});
