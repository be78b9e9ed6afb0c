import type { PersonFieldName } from '../../../shared/persons/person-fields';
import { formatHlc } from '../../../shared/persons/hlc';
import type { ReferralTarget } from '../../../shared/persons/referral';
import type { ReferralStatus } from '../../../shared/persons/referral-status';
import type { Mutation } from '../../../shared/sync/protocol-v1';
import { uuidv7 } from '../../../shared/uuidv7';

/** An HLC at `ms` on node `node` (tests pick clocks freely, hours apart if they like). */
export function hlcAt(ms: number, node: string, counter = 0): string {
  return formatHlc({ ms, counter, node });
}

type Edits = Partial<
  Record<PersonFieldName, { value: unknown; hlc: string; base: string | null; resolves?: string[] }>
>;

/** A put of a person file: a creation when the id is new, else edits merged into it. */
export function personPut(personId: string, siteId: string, edits: Edits): Mutation {
  return personMutation(personId, siteId, edits);
}

function personMutation(personId: string, siteId: string, edits: object): Mutation {
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    seq: 0,
    entity: 'person',
    op: 'put',
    entityId: personId,
    at,
    data: { id: personId, siteId, edits, at },
  };
}

/** A new person named `lastName firstName`, fields stamped at `ms` by `node`. */
export function newPersonPut(
  siteId: string,
  lastName: string,
  firstName: string,
  ms = Date.now(),
  node = 'node-a',
): Mutation {
  return personPut(uuidv7(), siteId, {
    lastName: { value: lastName, hlc: hlcAt(ms, node), base: null },
    firstName: { value: firstName, hlc: hlcAt(ms, node), base: null },
  });
}

export function scopePut(
  entity: 'follow' | 'pin',
  personId: string,
  op: 'put' | 'delete' = 'put',
): Mutation {
  const at = new Date().toISOString();
  return { id: uuidv7(), seq: 0, entity, op, entityId: personId, at, data: { personId, at } };
}

export function referralPut(personId: string, fromSiteId: string, to: ReferralTarget): Mutation {
  const id = uuidv7();
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    seq: 0,
    entity: 'referral',
    op: 'put',
    entityId: id,
    at,
    data: {
      id,
      personId,
      fromSiteId,
      to,
      reason: 'Perte d’autonomie : évaluation à domicile',
      urgency: 'prioritaire',
      consent: true,
      documents: [{ label: 'Avis d’imposition', provided: false }],
      createdAt: at,
    },
  };
}

export function statusPut(
  referralId: string,
  from: ReferralStatus,
  to: ReferralStatus,
  reason?: string,
): Mutation {
  const id = uuidv7();
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    seq: 0,
    entity: 'referralStatus',
    op: 'put',
    entityId: referralId,
    at,
    data: { id, referralId, from, to, ...(reason ? { reason } : {}), at },
  };
}

/** A put of a task (`data` overrides), on the version the device holds when `baseVersion` is given. */
export function taskPut(
  task: { id: string; personId: string; siteId: string; assigneeId: string },
  data: Record<string, unknown> = {},
  baseVersion?: number,
): Mutation {
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    seq: 0,
    entity: 'task',
    op: 'put',
    entityId: task.id,
    at,
    ...(baseVersion === undefined ? {} : { baseVersion }),
    data: {
      kind: 'visite',
      title: 'Visite à domicile',
      dueOn: '2026-12-03',
      doneAt: null,
      createdAt: at,
      ...task,
      ...data,
    },
  };
}

type MemberEdits = Record<
  string,
  { value: unknown; hlc: string; base: string | null; resolves?: string[] }
>;

/** A put editing only household members, by member id. */
export function householdPut(
  personId: string,
  siteId: string,
  members: Record<string, MemberEdits>,
): Mutation {
  return personMutation(personId, siteId, { household: members });
}
