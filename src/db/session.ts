import { z } from 'zod';
import { agentSchema } from '../../shared/schemas/agent';
import { instantSchema, uuidSchema } from '../../shared/schemas/common';
import type { AppDB } from './AppDB';
import { readMeta, writeMeta } from './meta';

/** The agent logged in on this device and the device token the server gave at login. */
export const sessionSchema = z.object({
  token: z.string(),
  deviceId: uuidSchema,
  expiresAt: instantSchema,
  agent: agentSchema,
});
export type Session = z.infer<typeof sessionSchema>;

const SESSION_KEY = 'session';

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
  return (await db.outbox.count()) + (await db.drafts.count());
}

async function clearPersonalData(db: AppDB): Promise<void> {
  await Promise.all([
    db.visits.clear(),
    db.sites.clear(),
    db.meta.clear(),
    db.orientations.clear(),
    db.persons.clear(),
    db.referrals.clear(),
    db.tasks.clear(),
  ]);
}

/**
 * Stores the session of a successful online login. The same agent logging in again keeps
 * everything. Another agent on a shared tablet starts from an empty device, and is refused
 * while the previous agent has unsent work: that work can only be sent under its author's
 * name, so the previous agent must log in and sync first.
 */
export async function startSession(db: AppDB, session: Session): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.meta,
      db.visits,
      db.drafts,
      db.outbox,
      db.sites,
      db.orientations,
      db.persons,
      db.referrals,
      db.tasks,
    ],
    async () => {
      const previous = await readSession(db);
      if (previous?.agent.id !== session.agent.id) {
        // Another agent, or nobody known (after a logout, a sync still running may have written
        // a last page): start from an empty device, unless unsent work would be lost.
        const waiting = await countUnsent(db);
        if (waiting > 0) throw new UnsentDataError(waiting, previous?.agent.displayName);
        await clearPersonalData(db);
      }
      await writeMeta(db, SESSION_KEY, session);
    },
  );
}

/**
 * Logs the agent out and removes what the device held for them. Refused while anything is
 * unsent (outbox or drafts): unsent work is never deleted, not even on logout (DESIGN §11).
 */
export async function logout(db: AppDB): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.meta,
      db.visits,
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
}
