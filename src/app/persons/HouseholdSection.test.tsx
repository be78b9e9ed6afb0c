import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { householdMembers } from '../../../shared/persons/household';
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
import { parseRoute } from '../router';
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
const hlc = (ms: number) => formatHlc({ ms, counter: 0, node: 's' });

function storedPerson(id: string, lastName: string, firstName: string, birthDate?: string) {
  const write = (value: unknown) => ({ value, hlc: hlc(1), by: OTHER });
  return {
    id,
    siteId: BLOIS,
    fields: {
      lastName: write(lastName),
      firstName: write(firstName),
      ...(birthDate ? { birthDate: write(birthDate) } : {}),
    },
    followers: [],
    pinnedBy: [],
    syncState: 'synced',
    version: 3,
  };
}

async function open(route: PersonsRoute) {
  const api = new FakeServer();
  return render(
    <ServicesContext.Provider value={{ db, api, sync: createSyncEngine({ db, api }) }}>
      <PersonScreens route={route} session={testSession} />
    </ServicesContext.Provider>,
  );
}

describe('household section', () => {
  it('adds a member linked to their file found whatever the accents, then opens it in one tap', async () => {
    const mother = uuidv7();
    const child = uuidv7();
    db = freshDb();
    await startSession(db, testSession);
    await db.persons.bulkPut([
      storedPerson(mother, 'Lefèvre', 'Camille', '1998-02-20'),
      storedPerson(child, 'Lefèvre', 'Zoé', '2026-10-28'),
      storedPerson(uuidv7(), 'Martin', 'Paul'),
    ] as never[]);
    const view = await open({ name: 'person', id: mother });

    fireEvent.input(await screen.findByLabelText(/Chercher sa fiche/), {
      target: { value: 'LEFEVRE zoe' },
    });
    const offers = await screen.findAllByRole('button', { name: /Lier à la fiche de/ });
    expect(offers.map((b) => b.textContent)).toEqual([
      'Lier à la fiche de LEFÈVRE Zoé (né·e le 28 octobre 2026)',
    ]);
    fireEvent.click(offers[0]!);
    expect((screen.getByLabelText('Nom et prénom du membre') as HTMLInputElement).value).toBe(
      'Zoé Lefèvre',
    );
    expect(
      (screen.getByLabelText(/Date de naissance \(facultatif\)/) as HTMLInputElement).value,
    ).toBe('2026-10-28');
    fireEvent.change(screen.getByLabelText('Lien avec la personne'), {
      target: { value: 'enfant' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter au foyer' }));

    const link = await screen.findByRole('link', { name: 'Fiche de Zoé Lefèvre' });
    expect(link.getAttribute('href')).toBe(`#/personnes/${child}`);
    expect(screen.getByText(/Enfant, né·e le 28 octobre 2026/)).toBeTruthy();
    const [row] = await db.outbox.toArray();
    const sent = personEditSchema.parse(row!.data);
    expect(Object.values(sent.edits.household ?? {})).toEqual([
      {
        name: expect.objectContaining({ value: 'Zoé Lefèvre', base: null }),
        link: expect.objectContaining({ value: 'enfant' }),
        birthDate: expect.objectContaining({ value: '2026-10-28' }),
        personId: expect.objectContaining({ value: child }),
      },
    ]);

    fireEvent.click(link);
    await waitFor(() => expect(window.location.hash).toBe(`#/personnes/${child}`));
    view.unmount();
    await open(parseRoute(window.location.hash) as PersonsRoute);
    await screen.findByRole('heading', { level: 1, name: 'LEFÈVRE Zoé' });
  });

  it('edits one field of a member, removes a member, and says so when a member has no name', async () => {
    const id = uuidv7();
    const henri = uuidv7();
    db = freshDb();
    await startSession(db, testSession);
    const person = storedPerson(id, 'Moreau', 'Jeanne');
    const write = (value: unknown) => ({ value, hlc: hlc(2), by: OTHER });
    await db.persons.put({
      ...person,
      fields: {
        ...person.fields,
        household: { [henri]: { name: write('Henri Moreau'), link: write('conjoint') } },
      },
    } as never);
    await open({ name: 'person', id });

    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter au foyer' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Indiquez le nom du membre du foyer.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Modifier Henri Moreau' }));
    await screen.findByRole('heading', { name: 'Modifier Henri Moreau' });
    fireEvent.change(screen.getByLabelText('Lien avec la personne'), {
      target: { value: 'fratrie' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText(/Frère ou sœur/);
    const [edit] = await db.outbox.toArray();
    const edited = personEditSchema.parse(edit!.data).edits.household;
    expect(edited).toEqual({
      [henri]: {
        link: expect.objectContaining({ value: 'fratrie', base: hlc(2) }),
        removed: expect.objectContaining({ value: false, base: null }),
      },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Retirer Henri Moreau du foyer' }));
    await screen.findByText('Aucun membre du foyer enregistré.');
    const stored = await readPerson(db, id);
    expect(householdMembers(stored?.fields.household)).toEqual([]);
    const [, removal] = await db.outbox.toArray();
    expect(personEditSchema.parse(removal!.data).edits.household).toEqual({
      [henri]: {
        removed: expect.objectContaining({ value: true, base: edited![henri]!.removed!.hlc }),
      },
    });
    await waitFor(() => expect(screen.queryByText('Henri Moreau')).toBeNull());
  });

  it('shows the two values of a member field edited at the same time, and sends the one chosen', async () => {
    const id = uuidv7();
    const henri = uuidv7();
    db = freshDb();
    await startSession(db, testSession);
    const person = storedPerson(id, 'Moreau', 'Jeanne');
    const write = (value: unknown) => ({ value, hlc: hlc(2), by: OTHER });
    const winner = formatHlc({ ms: 5, counter: 0, node: 'a' });
    const loser = formatHlc({ ms: 4, counter: 0, node: 'b' });
    await db.persons.put({
      ...person,
      fields: {
        ...person.fields,
        household: {
          [henri]: {
            name: write('Henri Moreau'),
            link: {
              value: 'autre',
              hlc: winner,
              by: OTHER,
              conflicts: [{ value: 'parent', hlc: loser, by: testSession.agent.id }],
            },
          },
        },
      },
    } as never);
    await open({ name: 'person', id });

    await screen.findByRole('heading', { name: 'Modifications à départager (1)' });
    screen.getByRole('group', { name: 'Foyer, Henri Moreau : Lien' });
    fireEvent.click(screen.getByRole('radio', { name: /Parent.*saisi par vous/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Garder cette valeur' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [row] = await db.outbox.toArray();
    expect(personEditSchema.parse(row!.data).edits.household?.[henri]?.link).toMatchObject({
      value: 'parent',
      base: winner,
      resolves: [loser],
    });
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: /Modifications à départager/ })).toBeNull(),
    );
    const foyer = screen.getByRole('heading', { name: 'Foyer' }).closest('section')!;
    expect(within(foyer).getAllByRole('listitem')[0]?.textContent).toMatch(
      /^Henri Moreau — Parent/,
    );
  });
});
