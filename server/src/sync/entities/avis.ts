import { avisDataSchema, type AvisData } from '../../../../shared/avis/avis';
import { ENTITY } from '../../../../shared/entities';
import { toFieldIssues } from '../../../../shared/field-issues';
import { existingAvisIds, insertAvis } from '../../db/queries/avis';
import type { EntityHandlers } from '../entity-registry';
import { type MutationHandler, reject } from '../outcome';
import type { BatchWriter } from '../push-context';

const avisWriter: BatchWriter<AvisData> = { name: 'avis', flush: insertAvis };

/**
 * A "Mon avis" answer, pushed like any record and acknowledged with a receipt, but stored
 * with nothing but its site, month and answers: no author, version nor receipt number in the
 * row, and no pull change, since no tablet needs it back and each of those would pair it
 * with the visit pushed beside it. Answers are never edited: a second put is immutable.
 */
const put: MutationHandler = async (ctx, mutation) => {
  const parsed = avisDataSchema.safeParse(mutation.data);
  if (!parsed.success) return reject('invalid_record', toFieldIssues(parsed.error));
  const data = parsed.data;
  if (data.id !== mutation.entityId) return reject('entity_id_mismatch');
  if (!ctx.agent.siteIds.includes(data.siteId))
    return reject('forbidden_site', { siteId: data.siteId });
  if (ctx.exists(ENTITY.avis, data.id)) return reject('immutable_record');
  await ctx.write(avisWriter, data);
  return {
    status: 'accepted',
    version: await ctx.nextChangeSeq(),
    receipt: await ctx.issueReceipt(),
  };
};

export const avisHandlers: EntityHandlers = { put, existing: existingAvisIds, keepsScope: true };
