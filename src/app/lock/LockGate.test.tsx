import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeServer } from '../../../tests/support/fake-server';
import { testSession } from '../../../tests/support/fixtures';
import { freshDb } from '../../../tests/support/test-db';
import type { AppDB } from '../../db/AppDB';
import { ensureKeyring, KEYRING_ID } from '../../db/keyring';
import { writeMeta } from '../../db/meta';
import { createSyncEngine } from '../../sync/sync-engine';
import { ServicesContext } from '../services';
import { LockGate } from './LockGate';
import { HIDDEN_LOCK_MS, useAutoLock } from './use-auto-lock';

let db: AppDB;
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await db?.delete();
});

const bytes = () => new Uint8Array(16);

/** A tablet whose agent chose a PIN: the keyring has a PIN wrap (its content is not used here). */
async function tabletWithPin(): Promise<AppDB> {
  db = freshDb();
  await writeMeta(db, 'session', testSession);
  await ensureKeyring(db);
  const { id, login, displayName } = testSession.agent;
  await db.keyring.update(KEYRING_ID, {
    owner: { agentId: id, login, displayName },
    pin: { salt: bytes(), iterations: 1, iv: bytes(), ciphertext: bytes() },
  });
  return db;
}

function renderGate(target: AppDB) {
  const api = new FakeServer();
  render(
    <ServicesContext.Provider
      value={{ db: target, api, sync: createSyncEngine({ db: target, api }) }}
    >
      <LockGate>
        <p>Visite de Jeanne Martin</p>
      </LockGate>
    </ServicesContext.Provider>,
  );
}

describe('the lock', () => {
  it('shows the app while unlocked and clears it from the page when the tab locks', async () => {
    renderGate(await tabletWithPin());
    await screen.findByText('Visite de Jeanne Martin');
    act(() => db.vault.close());
    await screen.findByRole('heading', { name: 'Application verrouillée' });
    expect(document.body.textContent).not.toContain('Jeanne Martin');
  });

  it('does not sync while locked: the sealed session cannot be read', async () => {
    await tabletWithPin();
    db.vault.close();
    expect(await createSyncEngine({ db, api: new FakeServer() }).syncNow('button')).toBe(
      'no-session',
    );
  });
});

function AutoLocked({ lock }: { lock: () => void }) {
  useAutoLock(lock, 5 * 60 * 1000);
  return null;
}

describe('auto-lock', () => {
  it('locks after the idle time, a touch putting it off', () => {
    vi.useFakeTimers();
    db = freshDb();
    const lock = vi.fn();
    render(<AutoLocked lock={lock} />);
    vi.advanceTimersByTime(4 * 60 * 1000);
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(4 * 60 * 1000);
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60 * 1000);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('locks when the app comes back after a long time hidden, not after a short one', () => {
    vi.useFakeTimers();
    db = freshDb();
    const lock = vi.fn();
    render(<AutoLocked lock={lock} />);
    const visibility = vi.spyOn(document, 'visibilityState', 'get');
    const hideFor = (ms: number) => {
      visibility.mockReturnValue('hidden');
      document.dispatchEvent(new Event('visibilitychange'));
      vi.setSystemTime(Date.now() + ms);
      visibility.mockReturnValue('visible');
      document.dispatchEvent(new Event('visibilitychange'));
    };
    hideFor(10_000);
    expect(lock).not.toHaveBeenCalled();
    hideFor(HIDDEN_LOCK_MS);
    expect(lock).toHaveBeenCalledTimes(1);
  });
});
