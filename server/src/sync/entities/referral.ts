import { mayAccessSite, personDataSites } from '../../auth/access-policy';
import { ENTITY } from '../../../../shared/entities';
import { toFieldIssues } from '../../../../shared/field-issues';
import {
  type ReferralRecord,
  referralDataSchema,
  referralSides,
  referralStatusChangeSchema,
} from '../../../../shared/persons/referral';
import { checkTransition } from '../../../../shared/persons/referral-status';
import type { Queryable } from '../../db/database';
import { upsertChange } from '../../db/queries/sync-changes';
import { logPerson } from '../../persons/log-person';
import {
  agentsOfSite,
  enterScope,
  exitScopeOfAgents,
  personInScope,
} from '../../persons/person-scope';
import { selectPersonForUpdate, setAgentLink, setPersonVersion } from '../../persons/persons-table';
import {
  agentExists,
  insertReferral,
  insertReferralEvent,
  referralExists,
  selectReferralForUpdate,
  siteExists,
  updateReferralStatus,
} from '../../persons/referrals-table';
import type { EntityHandlers } from '../entity-registry';
import { type MutationHandler, type PushContext, reject } from '../outcome';

/**
 * A referral of a person to a professional, an MDS or a partner. Created `envoyee` by a put;
 * never edited afterwards except through status changes (`referralStatus`). The receiver's
 * devices pull it at their next sync, with the person's file, which enters their scope.
 */
const put: MutationHandler = async (ctx, mutation) => {
  const parsed = referralDataSchema.safeParse(mutation.data);
  if (!parsed.success) return reject('invalid_record', toFieldIssues(parsed.error));
  const data = parsed.data;
  if (data.id !== mutation.entityId) return reject('entity_id_mismatch');
  if (!mayAccessSite(ctx.agent, data.fromSiteId))
    return reject('forbidden_site', { siteId: data.fromSiteId });
  if (await referralExists(ctx.tx, data.id)) return reject('immutable_record');
  if (!(await personInScope(ctx.tx, data.personId, ctx.agent))) return reject('unknown_person');
  const to = data.to;
  if (to.kind === 'agent' && !(await agentExists(ctx.tx, to.agentId)))
    return reject('invalid_record', [{ path: 'to.agentId', message: 'Professionnel inconnu.' }]);
  if (to.kind === 'site' && !(await siteExists(ctx.tx, to.siteId)))
    return reject('invalid_record', [{ path: 'to.siteId', message: 'MDS inconnue.' }]);

  const version = await ctx.nextChangeSeq();
  const now = ctx.now.toISOString();
  const record: ReferralRecord = {
    ...data,
    fromAgentId: ctx.agent.id,
    status: 'envoyee',
    events: [{ seq: 1, status: 'envoyee', at: now, agentId: ctx.agent.id }],
    version,
    updatedAt: now,
    receipt: await ctx.issueReceipt(),
  };
  await insertReferral(ctx.tx, record);
  await insertReferralEvent(ctx.tx, record.id, mutation.id, record.events[0]!);
  if (to.kind === 'agent') await enterScope(ctx.tx, data.personId, [to.agentId]);
  if (to.kind === 'site') await enterScope(ctx.tx, data.personId, []);
  await logReferral(ctx.tx, record);
  return { status: 'accepted', version, receipt: record.receipt };
};

/**
 * A status change, checked against the status the server holds (not the one the device saw):
 * two devices answering the same referral cannot both move it from `envoyee`. Recorded with
 * the server time it was accepted. A professional taking the referral on (`en_cours`) follows
 * the person from then on, so its closing does not take the file off their tablet; a closed or
 * refused referral keeps no one else: its sender and receivers lose the person unless a follow,
 * a pin, a site or another open link keeps them (persons/person-scope.ts).
 */
const changeStatus: MutationHandler = async (ctx, mutation) => {
  const parsed = referralStatusChangeSchema.safeParse(mutation.data);
  if (!parsed.success) return reject('invalid_record', toFieldIssues(parsed.error));
  const change = parsed.data;
  if (change.referralId !== mutation.entityId) return reject('entity_id_mismatch');
  const stored = await selectReferralForUpdate(ctx.tx, change.referralId);
  if (stored === undefined) return reject('unknown_person');
  const sides = referralSides(stored, { id: ctx.agent.id, siteIds: personDataSites(ctx.agent) });
  if (sides.length === 0) return reject('not_your_side');
  const check = checkTransition(stored.status, change.to, sides, change.reason);
  if (!check.ok) return reject(check.code, { from: stored.status, to: change.to });

  const version = await ctx.nextChangeSeq();
  const now = ctx.now.toISOString();
  const event = {
    seq: stored.events.length + 1,
    status: change.to,
    at: now,
    agentId: ctx.agent.id,
    ...(change.reason ? { reason: change.reason } : {}),
  };
  const record: ReferralRecord = {
    ...stored,
    status: change.to,
    events: [...stored.events, event],
    version,
    updatedAt: now,
  };
  await insertReferralEvent(ctx.tx, stored.id, mutation.id, event);
  await updateReferralStatus(ctx.tx, record);
  await logReferral(ctx.tx, record);
  // A partner has no account: the sender recording its answer does not take the person on.
  if (change.to === 'en_cours' && stored.to.kind !== 'partner') await follow(ctx, record.personId);
  if (change.to === 'cloturee' || change.to === 'refusee')
    await exitScopeOfAgents(ctx.tx, record.personId, await linkedAgents(ctx, record));
  return { status: 'accepted', version, receipt: record.receipt };
};

/** The acting agent follows the person: a new version of the file, with its followers. */
async function follow(ctx: PushContext, personId: string): Promise<void> {
  const stored = await selectPersonForUpdate(ctx.tx, personId);
  if (stored === undefined) return;
  const since = ctx.now.toISOString();
  const link = { personId, agentId: ctx.agent.id, since };
  if (!(await setAgentLink(ctx.tx, 'person_followers', link, true))) return;
  const person = { ...stored, version: await ctx.nextChangeSeq(), updatedAt: since };
  await setPersonVersion(ctx.tx, person);
  await logPerson(ctx.tx, person);
}

/** The agents whose scope the referral held the person in: its sender and receivers. */
async function linkedAgents(ctx: PushContext, record: ReferralRecord): Promise<string[]> {
  const to = record.to;
  if (to.kind === 'agent') return [record.fromAgentId, to.agentId];
  if (to.kind === 'site') return [record.fromAgentId, ...(await agentsOfSite(ctx.tx, to.siteId))];
  return [record.fromAgentId];
}

async function logReferral(tx: Queryable, record: ReferralRecord): Promise<void> {
  await upsertChange(tx, {
    entity: ENTITY.referral,
    entityId: record.id,
    siteId: record.fromSiteId,
    personId: record.personId,
    seq: record.version,
    op: 'put',
    payload: record,
  });
}

export const referralHandlers: EntityHandlers = { put };
export const referralStatusHandlers: EntityHandlers = { put: changeStatus };
