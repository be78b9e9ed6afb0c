import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { testSession } from '../../../tests/support/fixtures';
import { OfficeServer } from '../../../tests/support/office-server';
import { freshDb } from '../../../tests/support/test-db';
import type { AppDB } from '../../db/AppDB';
import type { Session } from '../../db/session';
import { HttpError } from '../../sync/api-client';
import { createSyncEngine } from '../../sync/sync-engine';
import { ServicesContext } from '../services';
import { RetentionPanel } from './RetentionPanel';

const admin: Session = { ...testSession, agent: { ...testSession.agent, role: 'administrateur' } };

let db: AppDB;
afterEach(async () => {
  cleanup();
  await db.delete();
});

/** A server holding retention periods, changed by PUT, with a purge report. */
function show() {
  db = freshDb();
  const api = new OfficeServer();
  const policies = [
    { entity: 'task', retentionDays: 730, label: 'Tâches' },
    { entity: 'visit', retentionDays: 3650, label: 'Visites à domicile' },
  ];
  api.answer = ({ method, path, body }) => {
    if (method === 'GET') return { policies };
    if (method === 'PUT') {
      const days = (body as { retentionDays: number }).retentionDays;
      if (days > 36_500) throw new HttpError(400, 'invalid_body', 'Corps invalide');
      const policy = policies.find((p) => path.endsWith(`/${p.entity}`))!;
      policy.retentionDays = days;
      return policy;
    }
    return {
      purgedAt: '2026-12-06T10:00:00.000Z',
      entities: policies.map((p) => ({ ...p, purged: p.entity === 'task' ? 3 : 0 })),
    };
  };
  render(
    <ServicesContext.Provider value={{ db, api, sync: createSyncEngine({ db, api }) }}>
      <RetentionPanel session={admin} />
    </ServicesContext.Provider>,
  );
  return api;
}

describe('the retention periods for an administrator', () => {
  it('changes a period on the server and shows the new one', async () => {
    const api = show();
    const row = await screen.findByRole('row', { name: /Tâches/ });
    const input = within(row).getByLabelText(/Nouvelle durée en jours/);
    fireEvent.input(input, { target: { value: '1095' } });
    fireEvent.click(within(row).getByRole('button', { name: /Enregistrer/ }));
    await screen.findByText('Durée enregistrée : Tâches → 1095 jours (3 ans).');
    await within(row).findByText('1095 jours (3 ans)');
    expect(api.requests).toContainEqual({
      method: 'PUT',
      path: '/api/v1/rgpd/retention/task',
      body: { retentionDays: 1095 },
    });
  });

  it('refuses a period that is not a whole number of days, without asking the server', async () => {
    const api = show();
    const row = await screen.findByRole('row', { name: /Visites/ });
    fireEvent.input(within(row).getByLabelText(/Nouvelle durée/), { target: { value: '2,5' } });
    fireEvent.click(within(row).getByRole('button', { name: /Enregistrer/ }));
    await within(row).findByText(/Indiquez un nombre entier de jours/);
    expect(api.requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('runs the purge only once confirmed, and reports what each type lost', async () => {
    const api = show();
    fireEvent.click(await screen.findByRole('button', { name: 'Lancer la purge maintenant' }));
    const dialog = screen.getByRole('alertdialog');
    expect(api.requests.filter((r) => r.method === 'POST')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Purger' }));
    await screen.findByText('Tâches : 3 effacés');
    expect(screen.getByText('Visites à domicile : 0 effacé')).toBeTruthy();
    expect(api.requests.filter((r) => r.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/v1/rgpd/purge' },
    ]);
  });
});
