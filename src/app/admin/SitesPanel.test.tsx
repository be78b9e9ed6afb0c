import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Site } from '../../../shared/schemas/site';
import { testSession } from '../../../tests/support/fixtures';
import { OfficeServer } from '../../../tests/support/office-server';
import { freshDb } from '../../../tests/support/test-db';
import type { AppDB } from '../../db/AppDB';
import type { Session } from '../../db/session';
import { HttpError } from '../../sync/api-client';
import { createSyncEngine } from '../../sync/sync-engine';
import { ServicesContext } from '../services';
import { SitesPanel } from './SitesPanel';

const admin: Session = { ...testSession, agent: { ...testSession.agent, role: 'administrateur' } };

let db: AppDB;
afterEach(async () => {
  cleanup();
  await db.delete();
});

/** An office server holding `sites`, which POST adds to and PATCH changes, as the real one. */
function show() {
  db = freshDb();
  const api = new OfficeServer();
  const sites: Site[] = [
    {
      id: 'mds-blois',
      name: 'MDS de Blois',
      kind: 'mds',
      communeInsee: '41018',
      communeName: 'Blois',
      latitude: 47.59,
      longitude: 1.33,
    },
  ];
  api.answer = ({ method, path, body }) => {
    if (method === 'GET') return { sites };
    if (method === 'POST') {
      const site = body as Site;
      if (sites.some((s) => s.id === site.id)) throw new HttpError(409, 'site_taken', 'Conflict');
      sites.push(site);
      return site;
    }
    const site = sites.find((s) => path.endsWith(`/${s.id}`))!;
    Object.assign(site, body);
    return site;
  };
  render(
    <ServicesContext.Provider value={{ db, api, sync: createSyncEngine({ db, api }) }}>
      <SitesPanel session={admin} />
    </ServicesContext.Provider>,
  );
  return api;
}

function fill(form: HTMLElement, label: RegExp, value: string) {
  fireEvent.input(within(form).getByLabelText(label), { target: { value } });
}

describe('the sites of the administration', () => {
  it('adds an antenna, sent whole to the server and listed with its commune', async () => {
    const api = show();
    await screen.findByRole('row', { name: /MDS de Blois/ });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un site' }));
    const form = screen.getByRole('form', { name: 'Nouveau site' });
    fill(form, /Identifiant/, 'antenne-mer');
    fill(form, /^Nom$/, 'Antenne de Mer');
    fill(form, /Code INSEE/, '41136');
    fill(form, /^Commune$/, 'Mer');
    fill(form, /Latitude/, '47.7');
    fill(form, /Longitude/, '1.51');
    fireEvent.submit(form);

    await screen.findByText('Site Antenne de Mer enregistré.');
    const row = await screen.findByRole('row', { name: /Antenne de Mer/ });
    expect(within(row).getByText('Antenne')).toBeTruthy();
    expect(within(row).getByText('Mer (41136)')).toBeTruthy();
    expect(api.requests).toContainEqual({
      method: 'POST',
      path: '/api/v1/admin/sites',
      body: {
        id: 'antenne-mer',
        name: 'Antenne de Mer',
        kind: 'antenne',
        communeInsee: '41136',
        communeName: 'Mer',
        latitude: 47.7,
        longitude: 1.51,
      },
    });
  });

  it('renames a site without its identifier, which cannot be changed', async () => {
    const api = show();
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier MDS de Blois' }));
    const form = screen.getByRole('form', { name: 'Modifier MDS de Blois' });
    expect((within(form).getByLabelText(/Identifiant/) as HTMLInputElement).disabled).toBe(true);
    fill(form, /^Nom$/, 'Maison des Solidarités de Blois');
    fireEvent.submit(form);

    await screen.findByRole('row', { name: /Maison des Solidarités de Blois/ });
    const patch = api.requests.find((r) => r.method === 'PATCH');
    expect(patch?.path).toBe('/api/v1/admin/sites/mds-blois');
    expect(patch?.body).toMatchObject({ name: 'Maison des Solidarités de Blois' });
    expect(patch?.body).not.toHaveProperty('id');
  });

  it('keeps the form and what was typed when the server refuses, with its reason in French', async () => {
    show();
    await screen.findByRole('row', { name: /MDS de Blois/ });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un site' }));
    const form = screen.getByRole('form', { name: 'Nouveau site' });
    fill(form, /Identifiant/, 'mds-blois');
    fill(form, /^Nom$/, 'Doublon');
    fill(form, /Code INSEE/, '41018');
    fill(form, /^Commune$/, 'Blois');
    fireEvent.submit(form);

    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Un site porte déjà cet identifiant.',
    );
    expect((within(form).getByLabelText(/^Nom$/) as HTMLInputElement).value).toBe('Doublon');
    expect(screen.queryByRole('row', { name: /Doublon/ })).toBeNull();
  });
});
