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
  vi.restoreAllMocks();
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

  /** Fakes the page's visibility as the browser would report it, and tells the app. */
  function visibility() {
    const state = vi.spyOn(document, 'visibilityState', 'get');
    return (value: DocumentVisibilityState) => {
      state.mockReturnValue(value);
      document.dispatchEvent(new Event('visibilitychange'));
    };
  }

  it('locks while still hidden once hidden for a minute, not after a shorter time', () => {
    vi.useFakeTimers();
    db = freshDb();
    const lock = vi.fn();
    render(<AutoLocked lock={lock} />);
    const show = visibility();
    show('hidden');
    vi.advanceTimersByTime(10_000);
    show('visible');
    expect(lock).not.toHaveBeenCalled();
    show('hidden');
    vi.advanceTimersByTime(HIDDEN_LOCK_MS - 1);
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(lock).toHaveBeenCalledTimes(1); // no return needed
  });

  it('locks on return when the background timers did not run, by the clock', () => {
    vi.useFakeTimers();
    db = freshDb();
    const lock = vi.fn();
    render(<AutoLocked lock={lock} />);
    const show = visibility();
    show('hidden');
    vi.setSystemTime(Date.now() + HIDDEN_LOCK_MS); // time passes, no timer fires
    expect(lock).not.toHaveBeenCalled();
    show('visible');
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('locks at once when the page is frozen or hidden into the back-forward cache', () => {
    db = freshDb();
    const lock = vi.fn();
    render(<AutoLocked lock={lock} />);
    document.dispatchEvent(new Event('freeze'));
    expect(lock).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('pagehide'));
    expect(lock).toHaveBeenCalledTimes(2);
  });
});
