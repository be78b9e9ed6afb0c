import { mayAccessSite } from '../../auth/access-policy';
import { ENTITY } from '../../../../shared/entities';
import { toFieldIssues } from '../../../../shared/field-issues';
import { type TaskRecord, taskDataSchema } from '../../../../shared/persons/task';
import { upsertChange } from '../../db/queries/sync-changes';
import { enterScope, exitScopeOfAgents, personInScope } from '../../persons/person-scope';
import { agentExists } from '../../persons/referrals-table';
import { selectTaskForUpdate, upsertTask } from '../../persons/tasks-table';
import type { EntityHandlers } from '../entity-registry';
import { type MutationHandler, reject } from '../outcome';

/**
 * The version each task got earlier in the same batch. A tablet that created a task and then
 * changed it offline sends both puts together, the second without a version (it has none
 * yet): it is based on the first, which nobody else can have changed in between, since the
 * batch holds the task's row locked until it commits.
 */
const writtenInBatch = new WeakMap<object, Map<string, number>>();

/**
 * A task for a person: created by a put, then replaced by puts made on the version the device
 * holds (`baseVersion`). A put made on an older version answers `conflict` and changes
 * nothing: the device pulls the newer task and the agent decides again. The assignee of an
 * unfinished task pulls it, and the person with it; once the task is done or given to someone
 * else, the person leaves the former assignee's scope unless something else keeps them there.
 */
const put: MutationHandler = async (ctx, mutation) => {
  const parsed = taskDataSchema.safeParse(mutation.data);
  if (!parsed.success) return reject('invalid_record', toFieldIssues(parsed.error));
  const data = parsed.data;
  if (data.id !== mutation.entityId) return reject('entity_id_mismatch');
  const stored = await selectTaskForUpdate(ctx.tx, data.id);
  // A task given to an agent of another MDS is theirs to do: they may change it (mark it done,
  // put it off, hand it on), but not move it out of the MDS that planned it.
  const assignedToThem = stored?.assigneeId === ctx.agent.id && stored.siteId === data.siteId;
  if (!mayAccessSite(ctx.agent, data.siteId) && !assignedToThem)
    return reject('forbidden_site', { siteId: data.siteId });
  if (!(await personInScope(ctx.tx, data.personId, ctx.agent))) return reject('unknown_person');
  if (!(await agentExists(ctx.tx, data.assigneeId)))
    return reject('invalid_record', [{ path: 'assigneeId', message: 'Professionnel inconnu.' }]);
  const written = writtenInBatch.get(ctx) ?? new Map<string, number>();
  writtenInBatch.set(ctx, written);
  const basedOn = mutation.baseVersion ?? written.get(data.id);
  if (stored !== undefined && stored.version !== basedOn) {
    return {
      status: 'conflict',
      reason: {
        code: 'version_conflict',
        message: 'La tâche a été modifiée ailleurs entre-temps.',
      },
      serverVersion: stored.version,
    };
  }
  const version = await ctx.nextChangeSeq();
  const record: TaskRecord = {
    ...data,
    createdBy: stored?.createdBy ?? ctx.agent.id,
    version,
    updatedAt: ctx.now.toISOString(),
  };
  await upsertTask(ctx.tx, record);
  written.set(data.id, version);
  const wasOpenFor = stored && !stored.done ? stored.assigneeId : undefined;
  const openFor = data.doneAt === null ? data.assigneeId : undefined;
  if (openFor !== undefined && openFor !== wasOpenFor)
    await enterScope(ctx.tx, data.personId, [openFor]);
  await upsertChange(ctx.tx, {
    entity: ENTITY.task,
    entityId: record.id,
    siteId: record.siteId,
    personId: record.personId,
    seq: version,
    op: 'put',
    payload: record,
  });
  if (wasOpenFor !== undefined && wasOpenFor !== openFor)
    await exitScopeOfAgents(ctx.tx, data.personId, [wasOpenFor]);
  return { status: 'accepted', version, receipt: await ctx.issueReceipt() };
};

export const taskHandlers: EntityHandlers = { put };
