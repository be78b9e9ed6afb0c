import { tickHlc } from '../../../shared/persons/hlc';
import { mergePersonEdits } from '../../../shared/persons/merge-person';
import type { PersonFieldStates } from '../../../shared/persons/person';
import type { FieldEdit, PersonFieldName } from '../../../shared/persons/person-fields';
import type { Agent } from '../../../shared/schemas/agent';
import { recordAudit } from '../audit/record-audit';
import type { Database } from '../db/database';
import { logPerson } from '../persons/log-person';
import { selectPersonForUpdate, updatePerson } from '../persons/persons-table';
import { nextChangeSeq } from '../db/queries/sync-changes';
import { ApiError } from '../http/api-error';
import { columnsOf } from '../sync/entities/person';
import { withChangeLogWriter } from '../sync/change-log';
import { mayHandleRgpdRequest } from '../auth/access-policy';

/**
 * Rectification (RGPD art. 16) of a person's file by the cadre of its site: each given field
 * takes the new value as an edit made on the value the server holds, so it wins on every
 * device, and the concurrent values kept as conflicts are dropped with the wrong value. One
 * transaction: the file, its pull change (devices get the new values) and a `rectify` audit
 * entry. A file out of the cadre's sites, or absent, is 404.
 */
export async function rectifyPerson(
  db: Database,
  input: {
    personId: string;
    values: Partial<Record<PersonFieldName, unknown>>;
    agent: Agent;
    deviceId: string;
    now: Date;
  },
): Promise<PersonFieldStates> {
  return withChangeLogWriter(db, async (tx) => {
    const stored = await selectPersonForUpdate(tx, input.personId);
    if (!stored || !mayHandleRgpdRequest(input.agent, stored.siteId))
      throw new ApiError(404, 'not_found');
    const edits: Partial<Record<PersonFieldName, FieldEdit>> = {};
    for (const [name, value] of Object.entries(input.values) as [PersonFieldName, unknown][]) {
      const current = stored.fields[name];
      const seen = [current?.hlc, ...(current?.conflicts ?? []).map((c) => c.hlc)]
        .filter((h): h is string => h !== undefined)
        .sort()
        .at(-1);
      edits[name] = {
        value,
        hlc: tickHlc(seen, input.now.getTime(), input.agent.id),
        base: current?.hlc ?? null,
        resolves: (current?.conflicts ?? []).map((c) => c.hlc),
      };
    }
    const version = await nextChangeSeq(tx);
    const person = {
      ...stored,
      fields: mergePersonEdits(stored.fields, edits, input.agent.id),
      version,
      updatedAt: input.now.toISOString(),
    };
    await updatePerson(tx, person, columnsOf(person.fields));
    await logPerson(tx, person);
    await recordAudit(tx, input.now, [
      {
        agentId: input.agent.id,
        deviceId: input.deviceId,
        action: 'rectify',
        entity: 'person',
        entityId: person.id,
        siteId: person.siteId,
        personId: person.id,
        via: 'PATCH /api/v1/rgpd/persons/:id',
      },
    ]);
    return person.fields;
  });
}
