import { ENTITY } from '../../../../shared/entities';
import { toFieldIssues } from '../../../../shared/field-issues';
import { uuidSchema } from '../../../../shared/schemas/common';
import { type VisitRecord, visitDataSchema } from '../../../../shared/schemas/visit';
import type { Mutation } from '../../../../shared/sync/protocol-v1';
import { existingVisitIds, insertVisitsWithChanges, siteOfVisit } from '../../db/queries/visits';
import { checkVisitAnswers, loadAnswersCheck } from '../../forms/check-visit-answers';
import { personLeftScope } from '../../persons/person-scope';
import { type MutationHandler, type PushContext, reject } from '../outcome';
import type { EntityHandlers } from '../entity-registry';
import { acceptNewRecord, type NewRecordWriter } from '../accept-record';

const visitWriter: NewRecordWriter<VisitRecord> = {
  name: 'visits',
  flush: insertVisitsWithChanges,
};

/**
 * A visit is a signed form: created once, never changed nor deleted (DESIGN §4). A visit id
 * the server already holds is refused as `immutable_record` whatever its `baseVersion`: a
 * correction is a new visit, so there is nothing to merge and no conflict to show.
 */
const put: MutationHandler = async (ctx, mutation) => {
  const parsed = visitDataSchema.safeParse(mutation.data);
  if (!parsed.success) return reject('invalid_record', toFieldIssues(parsed.error));
  const data = parsed.data;
  if (data.id !== mutation.entityId) return reject('entity_id_mismatch');
  const { siteId, formId, formVersion } = data;
  if (!ctx.agent.siteIds.includes(siteId)) return reject('forbidden_site', { siteId });
  // Checked against the version it was filled with; computed values recomputed (forms/).
  const check = await ctx.once(`form ${formId}@${formVersion}`, () =>
    loadAnswersCheck(ctx.tx, formId, formVersion),
  );
  const answers = checkVisitAnswers(check, { formId, formVersion, answers: data.answers });
  if (!answers.ok) return answers.outcome;
  if (ctx.exists(ENTITY.visit, data.id)) return reject('immutable_record');
  if (data.personId !== undefined && !(await mayRecordAbout(ctx, data.personId)))
    return reject('unknown_person');
  if (data.supersedes !== undefined && !(await maySupersede(ctx, data.supersedes))) {
    return reject('invalid_record', [
      { path: 'supersedes', message: 'La visite corrigée est introuvable sur vos sites.' },
    ]);
  }

  return acceptNewRecord(ctx, visitWriter, { ...data, answers: answers.answers });
};

/**
 * A visit names a person in the agent's scope, or one who left it while the tablet still held
 * them: visits typed before the tablet learnt of the exit are kept as records of the agent's
 * MDS (persons/person-scope.ts `personLeftScope`).
 */
async function mayRecordAbout(ctx: PushContext, personId: string): Promise<boolean> {
  return (
    (await ctx.personInScope(personId)) || (await personLeftScope(ctx.tx, personId, ctx.agent.id))
  );
}

/** A correction names a visit of the agent's sites, stored or accepted earlier in this batch. */
async function maySupersede(ctx: PushContext, visitId: string): Promise<boolean> {
  const site = await siteOfVisit(ctx.tx, visitId);
  return site === undefined ? ctx.exists(ENTITY.visit, visitId) : ctx.agent.siteIds.includes(site);
}

const remove: MutationHandler = async (ctx, mutation) =>
  ctx.exists(ENTITY.visit, mutation.entityId)
    ? reject('immutable_record')
    : reject('unsupported_op');

/** The person a visit names, when its data has a valid one (checked again by `put`). */
function personOf(mutation: Mutation): string | undefined {
  const data = mutation.data;
  if (typeof data !== 'object' || data === null || !('personId' in data)) return undefined;
  const id = uuidSchema.safeParse(data.personId);
  return id.success ? id.data : undefined;
}

export const visitHandlers: EntityHandlers = {
  put,
  delete: remove,
  existing: existingVisitIds,
  personOf,
  keepsScope: true,
};
