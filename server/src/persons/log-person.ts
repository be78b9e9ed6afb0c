import { ENTITY } from '../../../shared/entities';
import type { PersonRecord } from '../../../shared/persons/person';
import type { Queryable } from '../db/database';
import { upsertChange } from '../db/queries/sync-changes';
import { selectFollowers, selectPinners, type StoredPerson } from './persons-table';

/**
 * Writes the person as devices pull it (merged fields, followers, pins) to the change log at
 * `person.version`, scoped to the person's site and to the agents whose scope holds them.
 * Written at once rather than queued: a batch may edit the same file several times.
 */
export async function logPerson(tx: Queryable, person: StoredPerson): Promise<PersonRecord> {
  const record: PersonRecord = {
    ...person,
    followers: await selectFollowers(tx, person.id),
    pinnedBy: await selectPinners(tx, person.id),
  };
  await upsertChange(tx, {
    entity: ENTITY.person,
    entityId: person.id,
    siteId: person.siteId,
    personId: person.id,
    seq: person.version,
    op: 'put',
    payload: record,
  });
  return record;
}
