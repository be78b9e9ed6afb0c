import { z } from 'zod';
import { agentSchema } from '../../shared/schemas/agent';
import { instantSchema, uuidSchema } from '../../shared/schemas/common';
import type { AppDB } from './AppDB';
import { ensureKeyring, KEYRING_ID } from './keyring';
import { readMeta, writeMeta } from './meta';
import { countUnsentMutations } from './outbox';
import { clearPersonalData, forgetKeys } from './wipe';

/** The agent logged in on this device and the device token the server gave at login. */
export const sessionSchema = z.object({
  token: z.string(),
  deviceId: uuidSchema,
  expiresAt: instantSchema,
  agent: agentSchema,
});
export type Session = z.infer<typeof sessionSchema>;

const SESSION_KEY = 'session';

/** The session, or undefined when there is none or the app is locked (the session is sealed). */
export function readSession(db: AppDB): Promise<Session | undefined> {
  return readMeta(db, SESSION_KEY, sessionSchema);
}

export class UnsentDataError extends Error {
  constructor(
    readonly waiting: number,
    readonly ownerName?: string,
  ) {
    super(`${waiting} enregistrement(s) non envoyé(s)`);
    this.name = 'UnsentDataError';
  }
}

async function countUnsent(db: AppDB): Promise<number> {
  return (await countUnsentMutations(db)) + (await db.drafts.count());
}

/**
 * Stores the session of a successful online login and unlocks the tablet with the agent's data
 * key (db/unlock.ts `loginKeys`: recovered with the server's recovery key after a wipe or a
 * forgotten PIN). The same agent logging in again keeps everything. Another agent on a shared
 * tablet starts from an empty device with a new data key, and is refused while the previous
 * agent has unsent work: that work can only be sent under its author's name, and only its
 * author's login can decrypt it, so the previous agent must log in and sync first.
 */
export async function startSession(
  db: AppDB,
  session: Session,
  recoveryKey?: string,
): Promise<void> {
  const ring = await ensureKeyring(db);
  // A tablet set up before encryption holds its session in clear, and no owner yet.
  const legacy = ring.owner === undefined ? await readSession(db) : undefined;
  const { loginKeys, openVault } = await import('./unlock');
  const keys = await loginKeys(db, ring, session.agent.id, legacy?.agent.id, recoveryKey);
  // Logged in from the lock screen (forgotten PIN, wipe): the agent chooses a new PIN.
  const keepPin = keys.sameOwner && db.vault.unlocked;
  await db.transaction(
    'rw',
    [
      db.meta,
      db.visits,
      db.visitReceipts,
      db.drafts,
      db.outbox,
      db.sites,
      db.orientations,
      db.persons,
      db.referrals,
      db.tasks,
      db.keyring,
    ],
    async () => {
      if (!keys.sameOwner) {
        // Another agent, or nobody known: start from an empty device, unless unsent work
        // would be lost.
        const waiting = await countUnsent(db);
        if (waiting > 0) throw new UnsentDataError(waiting, ring.owner?.displayName);
        await clearPersonalData(db);
      }
      const { id, login, displayName } = session.agent;
      await db.keyring.update(KEYRING_ID, {
        owner: { agentId: id, login, displayName },
        ...(keepPin ? {} : { pin: undefined }),
        ...(keys.recovery === undefined ? {} : { recovery: keys.recovery }),
        failures: 0,
        retryAt: undefined,
        wiped: undefined,
      });
    },
  );
  // The vault opens only once the previous agent's data is gone; the session is then sealed.
  await openVault(db, keys.dataKey, session.agent.id);
  await writeMeta(db, SESSION_KEY, session);
}

/**
 * Logs the agent out and removes what the device held for them, their keys included. Refused
 * while anything is unsent (outbox or drafts): unsent work is never deleted, not even on
 * logout (DESIGN §11).
 */
export async function logout(db: AppDB): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.meta,
      db.visits,
      db.visitReceipts,
      db.drafts,
      db.outbox,
      db.sites,
      db.orientations,
      db.persons,
      db.referrals,
      db.tasks,
    ],
    async () => {
      const waiting = await countUnsent(db);
      if (waiting > 0) throw new UnsentDataError(waiting);
      await clearPersonalData(db);
    },
  );
  await forgetKeys(db);
}
