import { liveQuery } from 'dexie';
import type { AppDB } from './AppDB';
import { DEFAULT_IDLE_LOCK_MINUTES, readKeyring, type Keyring } from './keyring';
import type { Subscribable } from './observe';
import { readSession } from './session';

type Owner = NonNullable<Keyring['owner']>;

/** What the app may show: only `unlocked` shows any personal data. */
export type LockState =
  | { status: 'signed-out'; wiped?: Keyring['wiped']; owner?: Owner }
  | { status: 'locked'; owner: Owner; failures: number; retryAt?: number }
  | { status: 'choose-pin'; owner: Owner; legacy: boolean }
  | { status: 'unlocked'; idleLockMinutes: number };

function lockStateOf(
  ring: Keyring | undefined,
  legacy: Owner | undefined,
  unlocked: boolean,
): LockState {
  if (unlocked && ring?.owner !== undefined) {
    return ring.pin === undefined
      ? { status: 'choose-pin', owner: ring.owner, legacy: false }
      : { status: 'unlocked', idleLockMinutes: ring.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES };
  }
  if (ring?.pin !== undefined && ring.owner !== undefined)
    return { status: 'locked', owner: ring.owner, failures: ring.failures, retryAt: ring.retryAt };
  if (legacy !== undefined) return { status: 'choose-pin', owner: legacy, legacy: true };
  return { status: 'signed-out', wiped: ring?.wiped, owner: ring?.owner };
}

/**
 * The lock state of this tab, from the keyring (live, so a wipe or a logout in another tab
 * locks this one too) and the vault in memory.
 */
export function observeLockState(db: AppDB): Subscribable<LockState> {
  return {
    subscribe(observer) {
      let loaded: { ring: Keyring | undefined; legacy: Owner | undefined } | undefined;
      const emit = () => {
        if (loaded !== undefined)
          observer.next(lockStateOf(loaded.ring, loaded.legacy, db.vault.unlocked));
      };
      const keyring = liveQuery(async () => {
        const ring = await readKeyring(db);
        // A tablet set up before encryption: its session, in clear, names the agent.
        const session = ring?.owner === undefined ? await readSession(db) : undefined;
        const legacy = session && {
          agentId: session.agent.id,
          login: session.agent.login,
          displayName: session.agent.displayName,
        };
        return { ring, legacy };
      }).subscribe({
        next(value) {
          // The key of an agent logged out or wiped in another tab goes from this one too. A
          // tab where the next agent has just logged in already holds that agent's key: it
          // stays open (this change may be seen after the key was opened).
          const before = loaded?.ring;
          const now = value.ring;
          const ownerLeft =
            before?.owner !== undefined &&
            now?.owner?.agentId !== before.owner.agentId &&
            (db.vault.ownerId === undefined || db.vault.ownerId !== now?.owner?.agentId);
          if (ownerLeft || (now?.wiped !== undefined && before?.wiped === undefined))
            db.vault.close();
          loaded = value;
          emit();
        },
        error: (error) => observer.error?.(error),
      });
      const vault = db.vault.subscribe({ next: emit });
      return {
        unsubscribe() {
          keyring.unsubscribe();
          vault.unsubscribe();
        },
      };
    },
  };
}

/** Locks this tab now: the data key leaves memory and the screen is cleared. */
export function lockNow(db: AppDB): void {
  db.vault.close();
}
