import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatHlc } from '../../../shared/persons/hlc';
import type { Role } from '../../../shared/schemas/agent';
import { uuidv7 } from '../../../shared/uuidv7';
import { testSession } from '../../../tests/support/fixtures';
import { OfficeServer } from '../../../tests/support/office-server';
import { freshDb } from '../../../tests/support/test-db';
import type { AppDB } from '../../db/AppDB';
import { type Session, startSession } from '../../db/session';
import { HttpError, NetworkError } from '../../sync/api-client';
import { createSyncEngine, type SyncTrigger } from '../../sync/sync-engine';
import { ServicesContext } from '../services';
import { RgpdScreen } from './RgpdScreen';

const BLOIS = 'mds-41-41018';
const hlc = formatHlc({ ms: 1, counter: 0, node: 's' });
const POLICIES = {
  policies: [
    { entity: 'person', retentionDays: 3650, label: 'Personnes suivies' },
    { entity: 'task', retentionDays: 730, label: 'Tâches' },
  ],
};

let db: AppDB;
/** The syncs the screen asked for, awaited before the database goes. */
let syncs: Promise<unknown>[] = [];
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await Promise.allSettled(syncs);
  syncs = [];
  await db.delete();
});

function sessionAs(role: Role): Session {
  return { ...testSession, agent: { ...testSession.agent, role } };
}

async function show(role: Role, answer: OfficeServer['answer'], siteId = BLOIS) {
  db = freshDb();
  const session = sessionAs(role);
  await startSession(db, session);
  const personId = uuidv7();
  await db.persons.put({
    id: personId,
    siteId,
    fields: {
      lastName: { value: 'Garnier', hlc, by: session.agent.id },
      firstName: { value: 'Rosé', hlc, by: session.agent.id },
      address: { value: '3 rue des Lices', hlc, by: session.agent.id },
    },
    followers: [],
    pinnedBy: [],
    syncState: 'synced',
    version: 4,
    receipt: { number: '2026-000042', issuedAt: '2026-11-20T10:00:00.000Z' },
  } as never);
  const api = new OfficeServer();
  api.answer = answer;
  const engine = createSyncEngine({ db, api });
  const sync = { ...engine, syncNow: (trigger: SyncTrigger) => track(engine.syncNow(trigger)) };
  render(
    <ServicesContext.Provider value={{ db, api, sync }}>
      <RgpdScreen personId={personId} session={session} />
    </ServicesContext.Provider>,
  );
  return { api, personId };
}

function track<T>(run: Promise<T>): Promise<T> {
  syncs.push(run);
  return run;
}

/** Answers the retention list, and `rest` for every other request. */
const withPolicies =
  (rest: OfficeServer['answer']): OfficeServer['answer'] =>
  (request) =>
    request.path === '/api/v1/rgpd/retention' ? POLICIES : rest(request);

describe('the RGPD screen of a person', () => {
  it('downloads the JSON export as a file named after the person, with what the server sent', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:export';
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const { api, personId } = await show(
      'cadre',
      withPolicies(() =>
        JSON.stringify({ tables: { persons: [{ id: 'p', fields: { lastName: 'Garnier' } }] } }),
      ),
    );
    await screen.findByRole('heading', { name: 'Droits RGPD : GARNIER Rosé', level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger l’export (JSON)' }));
    await screen.findByText(/Export téléchargé : rgpd-garnier-rose-\d{4}-\d{2}-\d{2}\.json/);
    expect(api.requests).toContainEqual({
      method: 'GET',
      path: `/api/v1/rgpd/persons/${personId}/export?format=json`,
    });
    expect(names).toEqual([expect.stringMatching(/^rgpd-garnier-rose-.*\.json$/)]);
    expect(blobs[0]!.type).toBe('application/json');
    expect(JSON.parse(await blobs[0]!.text())).toEqual({
      tables: { persons: [{ id: 'p', fields: { lastName: 'Garnier' } }] },
    });
  });

  it('shows the readable page inside the app without its script or attributes, and prints it', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    await show(
      'cadre',
      withPolicies(
        () =>
          '<!doctype html><html><head><style>h1{}</style></head><body><h1>Données détenues</h1>' +
          '<h2>Fiche de la personne (1)</h2><section class="record" onclick="alert(1)"><dl>' +
          '<dt>lastName</dt><dd>Garnier &lt;b&gt;</dd></dl></section><script>alert(2)</script></body></html>',
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Afficher la version lisible' }));
    const page = (await screen.findByText('Garnier <b>')).closest('article')!;
    expect(within(page).getByRole('heading', { name: 'Données détenues', level: 2 })).toBeTruthy();
    expect(page.querySelector('script, b, [onclick]')).toBeNull();
    expect(page.querySelector('section.record dl dd')?.textContent).toBe('Garnier <b>');
    fireEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('sends only the corrected fields as a rectification, and keeps what was typed when offline', async () => {
    let offline = true;
    const { api, personId } = await show(
      'cadre',
      withPolicies(() => {
        if (offline) throw new NetworkError(new TypeError('Failed to fetch'));
        return { id: personId, fields: {} };
      }),
    );
    const address = await screen.findByLabelText('Adresse');
    fireEvent.input(address, { target: { value: '5 rue des Lices' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rectifier' }));
    await screen.findByText(/Serveur injoignable : les demandes RGPD se traitent en ligne/);
    expect((screen.getByLabelText('Adresse') as HTMLInputElement).value).toBe('5 rue des Lices');

    offline = false;
    fireEvent.click(screen.getByRole('button', { name: 'Rectifier' }));
    await screen.findByText(/Rectification enregistrée sur le serveur \(Adresse\)/);
    expect(syncs).toHaveLength(1);
    expect(api.requests.filter((r) => r.method === 'PATCH')).toEqual([
      {
        method: 'PATCH',
        path: `/api/v1/rgpd/persons/${personId}`,
        body: { address: '5 rue des Lices' },
      },
      {
        method: 'PATCH',
        path: `/api/v1/rgpd/persons/${personId}`,
        body: { address: '5 rue des Lices' },
      },
    ]);
  });

  it('refuses an empty name before asking the server', async () => {
    const { api } = await show(
      'cadre',
      withPolicies(() => ({})),
    );
    fireEvent.input(await screen.findByLabelText('Nom'), { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rectifier' }));
    await screen.findByText('Indiquez le nom.');
    expect(api.requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it.each([
    [new HttpError(403, 'forbidden', 'Interdit'), /réservées au cadre du site de la personne/],
    [new HttpError(404, 'not_found', 'Introuvable'), /synchronisez d’abord/],
    [new HttpError(503, 'unavailable', 'Indisponible'), /Le serveur a rencontré une erreur/],
  ])('says in French why an export failed (%s)', async (error, message) => {
    await show(
      'cadre',
      withPolicies(() => {
        throw error;
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Télécharger l’export (JSON)' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(message);
  });

  it('shows the retention periods to the cadre, read-only', async () => {
    await show(
      'cadre',
      withPolicies(() => ({})),
    );
    const row = await screen.findByRole('row', { name: /Personnes suivies/ });
    expect(row.textContent).toContain('3650 jours (10 ans)');
    expect(screen.queryByRole('button', { name: 'Lancer la purge maintenant' })).toBeNull();
    expect(screen.queryByLabelText(/Nouvelle durée/)).toBeNull();
  });

  it('sends a cadre to the cadre of the person’s own MDS when it is not theirs', async () => {
    const { api } = await show('cadre', () => ({}), 'mds-41-41025');
    expect((await screen.findByRole('alert')).textContent).toContain('rattachée à une autre MDS');
    expect(screen.queryByRole('button')).toBeNull();
    expect(api.requests).toEqual([]);
  });

  it.each(['travailleur_social', 'administrateur'] as const)(
    'tells a %s that RGPD requests are the cadre’s, with no button to press',
    async (role) => {
      const { api } = await show(role, () => ({}));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('traitées par le cadre de son site');
      expect(screen.queryByRole('button')).toBeNull();
      expect(api.requests).toEqual([]);
    },
  );
});
