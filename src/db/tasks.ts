import { ENTITY } from '../../shared/entities';
import { type TaskData, taskDataSchema } from '../../shared/persons/task';
import type { AppDB } from './AppDB';
import { appendMutation } from './outbox';
import { type LocalTask, localTaskSchema, parseRows } from './person-rows';

/**
 * Creates or replaces a task (a planned visit, something to do), in ONE transaction with its
 * outbox mutation, on the version the tablet holds: if someone changed the task meanwhile,
 * the server answers `conflict` and the task shows it under "À corriger".
 */
export async function saveTask(
  db: AppDB,
  task: TaskData,
  now: Date = new Date(),
): Promise<LocalTask> {
  const data = taskDataSchema.parse(task);
  return db.transaction('rw', [db.tasks, db.outbox, db.meta], async () => {
    const current = await db.tasks.get(data.id);
    const local: LocalTask = { ...current, ...data, syncState: 'pending', reason: undefined };
    await db.tasks.put(local);
    await appendMutation(
      db,
      {
        entity: ENTITY.task,
        op: 'put',
        entityId: data.id,
        data,
        ...(current?.version ? { baseVersion: current.version } : {}),
      },
      now,
    );
    return local;
  });
}

export async function listTasks(db: AppDB): Promise<LocalTask[]> {
  return parseRows(localTaskSchema, await db.tasks.toArray()).sort((a, b) =>
    a.dueOn.localeCompare(b.dueOn),
  );
}

/** The tasks assigned to `agentId`, the soonest due first. */
export async function listTasksOf(db: AppDB, agentId: string): Promise<LocalTask[]> {
  return parseRows(
    localTaskSchema,
    await db.tasks.where('assigneeId').equals(agentId).toArray(),
  ).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** Marks a task done at `now`: a put of the whole task on the version the tablet holds. */
export async function markTaskDone(
  db: AppDB,
  task: LocalTask,
  now: Date = new Date(),
): Promise<LocalTask> {
  const { id, personId, siteId, assigneeId, kind, title, dueOn, createdAt } = task;
  return saveTask(
    db,
    { id, personId, siteId, assigneeId, kind, title, dueOn, createdAt, doneAt: now.toISOString() },
    now,
  );
}
