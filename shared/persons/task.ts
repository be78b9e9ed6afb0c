import { z } from 'zod';
import { instantSchema, isoDateSchema, siteIdSchema, uuidSchema } from '../schemas/common';

/**
 * Something to do for a person by a date; kind `visite` is the next visit planned. A `put`
 * creates or replaces the task (done or not): the server keeps the last one it accepts on the
 * version the device edited, and answers `conflict` otherwise.
 */
export const taskKinds = ['visite', 'tache'] as const;
export const taskKindLabels: Record<(typeof taskKinds)[number], string> = {
  visite: 'Visite prévue',
  tache: 'Tâche',
};

export const taskDataSchema = z.object({
  id: uuidSchema,
  personId: uuidSchema,
  siteId: siteIdSchema,
  assigneeId: uuidSchema,
  kind: z.enum(taskKinds),
  title: z.string().trim().min(1, 'Indiquez ce qu’il faut faire.').max(300),
  dueOn: isoDateSchema,
  doneAt: instantSchema.nullable(),
  createdAt: instantSchema,
});
export type TaskData = z.infer<typeof taskDataSchema>;

export const taskRecordSchema = taskDataSchema.extend({
  createdBy: uuidSchema,
  version: z.number().int().positive(),
  updatedAt: instantSchema,
});
export type TaskRecord = z.infer<typeof taskRecordSchema>;

export type TaskState = 'done' | 'late' | 'due';

/** Done, late (due before today and not done) or due. `today` is YYYY-MM-DD. */
export function taskState(task: Pick<TaskData, 'doneAt' | 'dueOn'>, today: string): TaskState {
  if (task.doneAt !== null) return 'done';
  return task.dueOn < today ? 'late' : 'due';
}

/**
 * "Mes tâches" in its three groups: late and due the soonest first, done the latest done
 * first. `today` is YYYY-MM-DD, given by the caller (the tablet's calendar day).
 */
export function groupTasks<T extends Pick<TaskData, 'doneAt' | 'dueOn'>>(
  tasks: readonly T[],
  today: string,
): Record<TaskState, T[]> {
  const groups: Record<TaskState, T[]> = { late: [], due: [], done: [] };
  for (const task of tasks) groups[taskState(task, today)].push(task);
  groups.late.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  groups.due.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  groups.done.sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? ''));
  return groups;
}
