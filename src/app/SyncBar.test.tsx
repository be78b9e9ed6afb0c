import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeServer } from '../../tests/support/fake-server';
import { makeVisit } from '../../tests/support/fixtures';
import { freshDb } from '../../tests/support/test-db';
import type { AppDB } from '../db/AppDB';
import { updateSyncStatus } from '../db/sync-status';
import { queueVisit } from '../db/visits';
import { createSyncEngine } from '../sync/sync-engine';
import { ServicesContext } from './services';
import { SyncBar } from './SyncBar';

let db: AppDB;
afterEach(async () => {
  cleanup();
  await db.delete();
});

function renderBar() {
  db = freshDb();
  const api = new FakeServer();
  render(
    <ServicesContext.Provider value={{ db, api, sync: createSyncEngine({ db, api }) }}>
      <SyncBar />
    </ServicesContext.Provider>,
  );
}

describe('SyncBar', () => {
  it('shows the progress of a large push', async () => {
    renderBar();
    await updateSyncStatus(db, {
      phase: 'pushing',
      progress: { done: 340, total: 1200, horizon: 1200 },
    });
    expect(await screen.findByText(/^Envoi 340 \/ 1\s200$/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Synchronisation…' })).toBeTruthy();
  });

  it('counts what waits from the run while it lasts, a record saved meanwhile included', async () => {
    renderBar();
    const queue = async () => {
      const visit = makeVisit();
      await queueVisit(db, visit.id, visit);
    };
    await queue();
    await updateSyncStatus(db, { phase: 'pushing', progress: { done: 0, total: 1, horizon: 1 } });
    expect(await screen.findByText('1 en attente d’envoi')).toBeTruthy();
    await queue(); // saved during the push, after its horizon
    expect(await screen.findByText('2 en attente d’envoi')).toBeTruthy();
    await updateSyncStatus(db, { phase: 'pulling', progress: { done: 1, total: 1, horizon: 1 } });
    expect(await screen.findByText('1 en attente d’envoi')).toBeTruthy();
    // Once the run ends the queue itself is counted: neither visit was really sent here.
    await updateSyncStatus(db, { phase: 'idle', progress: undefined });
    expect(await screen.findByText('2 en attente d’envoi')).toBeTruthy();
  });

  it('shows the last success in local time and the error of the last attempt in French', async () => {
    renderBar();
    await updateSyncStatus(db, {
      lastSuccessAt: '2026-11-23T09:05:00.000Z',
      reachable: false,
      error: { code: 'network', message: 'Serveur injoignable : réseau absent ou instable.' },
    });
    expect(
      await screen.findByText(/^Dernière synchronisation : 23\/11\/2026 \d{2}:05$/),
    ).toBeTruthy();
    expect(screen.getByText('Serveur injoignable : réseau absent ou instable.')).toBeTruthy();
    expect(screen.getByTestId('network-state').textContent).toBe('Hors ligne');
  });
});
