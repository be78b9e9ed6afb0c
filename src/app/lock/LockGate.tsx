import type { ComponentChildren } from 'preact';
import { useCallback, useEffect } from 'preact/hooks';
import { lockNow, observeLockState, type LockState } from '../../db/lock-state';
import { observe } from '../../db/observe';
import { readSyncStatus } from '../../db/sync-status';
import { wipePersonalData } from '../../db/wipe';
import { lazyScreen } from '../lazy';
import { LoginScreen } from '../LoginScreen';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { useAutoLock } from './use-auto-lock';

/** The PIN screens and what they call (key derivation, cipher) load on first use. */
const LockScreens = lazyScreen(() => import('./LockScreens').then((m) => m.LockScreens));

/**
 * Shows the app only while this tab holds the data key; otherwise the login, PIN choice or
 * unlock screen replaces everything, so no personal data stays in the page behind the lock.
 */
export function LockGate({ children }: { children: ComponentChildren }) {
  const { db } = useServices();
  const state = useObservable(() => observeLockState(db), [db]);
  if (state === undefined) return <p class="loading">Chargement…</p>;
  switch (state.status) {
    case 'signed-out':
      return <LoginScreen notice={wipeNotice(state)} />;
    case 'locked':
    case 'choose-pin':
      return <LockScreens state={state} />;
    case 'unlocked':
      return <Unlocked idleLockMinutes={state.idleLockMinutes}>{children}</Unlocked>;
  }
}

function Unlocked({
  idleLockMinutes,
  children,
}: {
  idleLockMinutes: number;
  children: ComponentChildren;
}) {
  const { db } = useServices();
  const lock = useCallback(() => lockNow(db), [db]);
  useAutoLock(lock, idleLockMinutes * 60 * 1000);
  // A revoked tablet wipes itself at its first contact with the server.
  const revoked = useObservable(
    () => observe(async () => (await readSyncStatus(db)).error?.code === 'device_revoked'),
    [db],
  );
  useEffect(() => {
    if (revoked) void wipePersonalData(db, 'revoked');
  }, [db, revoked]);
  return <>{children}</>;
}

function wipeNotice(state: Extract<LockState, { status: 'signed-out' }>): string | undefined {
  if (state.wiped === undefined) return undefined;
  const cause =
    state.wiped === 'revoked'
      ? 'Cette tablette a été révoquée par un administrateur : ses données personnelles ont été effacées.'
      : 'Trop de codes erronés : les données personnelles de cette tablette ont été effacées.';
  const who = state.owner?.displayName ?? 'l’agent précédent';
  return `${cause} Les enregistrements non envoyés sont conservés chiffrés : ${who} les récupère en se reconnectant ici.`;
}
