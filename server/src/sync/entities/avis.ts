import { avisDataSchema, type AvisData } from '../../../../shared/avis/avis';
import { ENTITY } from '../../../../shared/entities';
import type { Mutation } from '../../../../shared/sync/protocol-v1';
import { toFieldIssues } from '../../../../shared/field-issues';
import { existingAvisIds, insertAvis, unlinkAvis } from '../../db/queries/avis';
import type { EntityHandlers } from '../entity-registry';
import { type MutationHandler, reject } from '../outcome';
import type { BatchWriter } from '../push-context';

const avisWriter: BatchWriter<AvisData> = { name: 'avis', flush: insertAvis };

/**
 * What every accepted answer is told: its one and only version, and a receipt carrying the
 * first instant of its month and no number. A number or a version from the server's sequences
 * would follow those of the visit pushed beside it, and the journal keeps this result for the
 * answer's resend (sync/journal.ts).
 */
function avisAcceptance(month: string) {
  return {
    status: 'accepted' as const,
    version: 1,
    receipt: { number: 'anonyme', issuedAt: `${month}-01T00:00:00.000Z` },
  };
}

/**
 * A "Mon avis" answer, pushed like any record and acknowledged, but stored with nothing but
 * its site, month and answers: no author, version nor receipt in the row, and no pull change,
 * since no tablet needs it back and each of those would pair it with the visit pushed beside
 * it. Answers are never edited: a second put is immutable.
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
  return avisAcceptance(data.month);
};

/** Each site and month once, from the answers a push accepted. */
function siteMonthsOf(mutations: readonly Mutation[]): { siteId: string; month: string }[] {
  const found = new Map<string, { siteId: string; month: string }>();
  for (const mutation of mutations) {
    const parsed = avisDataSchema.safeParse(mutation.data);
    if (!parsed.success) continue;
    const { siteId, month } = parsed.data;
    found.set(`${siteId} ${month}`, { siteId, month });
  }
  return [...found.values()];
}

/**
 * Journalled without device, agent nor answer id (sync/journal.ts); once the push has
 * committed, the answers of the same site and month are rewritten so that none keeps the
 * push's transaction id (migration 010).
 */
export const avisHandlers: EntityHandlers = {
  put,
  existing: existingAvisIds,
  anonymous: { unlink: (tx, mutations) => unlinkAvis(tx, siteMonthsOf(mutations)) },
  keepsScope: true,
};
