import type { AppDB } from './AppDB';
import { readSession } from './session';
import { forgetVisitReceipts } from './visit-receipts';

/**
 * Removing a person who left the agent's scope (unfollowed, unpinned, a referral closed, a task
 * done, moved away), which the server says by pulling a `delete` of the person for this agent.
 * Their file, referrals, tasks and the visits of other MDS leave the tablet, but never before
 * the tablet's own unsent records about them are pushed (DESIGN §11, CHT #11306): until then
 * the file stays, marked `leaving`, and each later pull page sweeps it once nothing about it
 * waits. The visits of the agent's own MDS stay: they are that MDS's records, which every agent
 * of it pulls (docs/SECURITY.md "Who sees what"). Runs inside the pull transaction (meta,
 * persons, referrals, tasks, visits, outbox).
 */
export async function leaveScope(db: AppDB, personId: string): Promise<void> {
  if (await hasUnsent(db, personId)) await db.persons.update(personId, { leaving: true });
  else await removePerson(db, personId);
}

/** Removes the persons marked `leaving` whose unsent records have all been pushed. */
export async function sweepLeavingPersons(db: AppDB): Promise<void> {
  const leaving = await db.persons.filter((person) => person.leaving === true).primaryKeys();
  for (const id of leaving) if (!(await hasUnsent(db, id))) await removePerson(db, id);
}

async function recordIds(db: AppDB, personId: string): Promise<string[]> {
  return [
    personId,
    ...(await db.referrals.where('personId').equals(personId).primaryKeys()),
    ...(await db.tasks.where('personId').equals(personId).primaryKeys()),
    ...(await db.visits.where('personId').equals(personId).primaryKeys()),
  ];
}

async function hasUnsent(db: AppDB, personId: string): Promise<boolean> {
  const ids = await recordIds(db, personId);
  return (await db.outbox.where('entityId').anyOf(ids).count()) > 0;
}

async function removePerson(db: AppDB, personId: string): Promise<void> {
  const ownSites = new Set((await readSession(db))?.agent.siteIds ?? []);
  await db.referrals.where('personId').equals(personId).delete();
  await db.tasks.where('personId').equals(personId).delete();
  const visits = await db.visits
    .where('personId')
    .equals(personId)
    .filter((visit) => !ownSites.has(visit.siteId))
    .primaryKeys();
  await forgetVisitReceipts(db, visits);
  await db.visits.bulkDelete(visits);
  await db.persons.delete(personId);
}
