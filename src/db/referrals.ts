import { ENTITY } from '../../shared/entities';
import {
  type ReferralData,
  referralDataSchema,
  referralSides,
  type ReferralStatusChange,
  referralStatusChangeSchema,
} from '../../shared/persons/referral';
import { checkTransition, type ReferralStatus } from '../../shared/persons/referral-status';
import { uuidv7 } from '../../shared/uuidv7';
import type { AppDB } from './AppDB';
import { appendMutation } from './outbox';
import { type LocalReferral, localReferralSchema, parseRows } from './person-rows';
import { readPerson } from './persons';
import type { Session } from './session';

/**
 * Orients a person, in ONE transaction: the referral row (`envoyee`) and its outbox mutation.
 * The receiver's tablets get it at their next sync after this one pushes it. If the server
 * refuses it (person out of scope, no consent), it stays here with the reason.
 */
export async function queueReferral(
  db: AppDB,
  session: Session,
  referral: ReferralData,
  now: Date = new Date(),
): Promise<LocalReferral> {
  const data = referralDataSchema.parse(referral);
  const local: LocalReferral = {
    ...data,
    fromAgentId: session.agent.id,
    status: 'envoyee',
    events: [],
    syncState: 'pending',
  };
  await db.transaction('rw', [db.referrals, db.outbox, db.meta], async () => {
    await db.referrals.put(local);
    await appendMutation(db, { entity: ENTITY.referral, op: 'put', entityId: data.id, data }, now);
  });
  return local;
}

export class TransitionRefusedError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'TransitionRefusedError';
  }
}

/**
 * Moves a referral to `to`, checked here against the state machine before anything is
 * written (the server checks again against the status it holds). One transaction: the
 * pending change on the row and its outbox mutation. Taking a referral on (`en_cours`, not for
 * a partner) makes the agent follow the person: the server records it with the change, and the
 * file shows it here at once, under "Personnes que je suis". If the server refuses the change,
 * the file it sends next has the followers it holds.
 */
export async function queueReferralStatus(
  db: AppDB,
  session: Session,
  input: { referralId: string; to: ReferralStatus; reason?: string },
  now: Date = new Date(),
): Promise<void> {
  await db.transaction('rw', [db.referrals, db.persons, db.outbox, db.meta], async () => {
    const referral = localReferralSchema.parse(await db.referrals.get(input.referralId));
    const from = referral.pendingChange?.to ?? referral.status;
    const check = checkTransition(
      from,
      input.to,
      referralSides(referral, session.agent),
      input.reason,
    );
    if (!check.ok) throw new TransitionRefusedError(check.code);
    const change: ReferralStatusChange = referralStatusChangeSchema.parse({
      id: uuidv7(now.getTime()),
      referralId: referral.id,
      from,
      to: input.to,
      ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
      at: now.toISOString(),
    });
    await db.referrals.update(referral.id, { pendingChange: change, syncState: 'pending' });
    if (input.to === 'en_cours' && referral.to.kind !== 'partner')
      await followLocally(db, referral.personId, session.agent.id, now);
    await appendMutation(
      db,
      { entity: ENTITY.referralStatus, op: 'put', entityId: referral.id, data: change },
      now,
    );
  });
}

async function followLocally(db: AppDB, personId: string, agentId: string, now: Date) {
  const person = await readPerson(db, personId);
  if (person === undefined || person.followers.some((f) => f.agentId === agentId)) return;
  const followers = [...person.followers, { agentId, since: now.toISOString() }];
  await db.persons.update(personId, { followers });
}

export async function listReferrals(db: AppDB): Promise<LocalReferral[]> {
  return parseRows(localReferralSchema, await db.referrals.toArray()).sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
}

export async function listReferralsOf(db: AppDB, personId: string): Promise<LocalReferral[]> {
  return parseRows(
    localReferralSchema,
    await db.referrals.where('personId').equals(personId).toArray(),
  ).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The status the agent sees: their own change waiting to be sent, else the server's. */
export function shownStatus(referral: LocalReferral): ReferralStatus {
  return referral.pendingChange?.to ?? referral.status;
}

/**
 * Referrals addressed to the agent (themselves or their MDS) not yet acknowledged: the
 * notification the receiver sees after the sync that brought them.
 */
export async function countNewReferrals(
  db: AppDB,
  agent: { id: string; siteIds: readonly string[] },
): Promise<number> {
  return (await listReferrals(db)).filter(
    (r) =>
      shownStatus(r) === 'envoyee' &&
      r.fromAgentId !== agent.id &&
      referralSides(r, agent).includes('receiver'),
  ).length;
}
