/** The `tasks` table. */
import type { TaskRecord } from '../../../shared/persons/task';
import type { Queryable } from '../db/database';
import { type Int8, toSafeInt } from '../db/convert';

/** The stored version of the task, its assignee and whether it is done, locked, if held. */
export async function selectTaskForUpdate(
  tx: Queryable,
  id: string,
): Promise<
  | { version: number; siteId: string; assigneeId: string; createdBy: string; done: boolean }
  | undefined
> {
  const rows = await tx.query<{
    version: Int8;
    site_id: string;
    assignee_id: string;
    created_by: string;
    done: boolean;
  }>(
    'SELECT version, site_id, assignee_id, created_by, done_at IS NOT NULL AS done FROM tasks WHERE id = $1 FOR UPDATE',
    [id],
  );
  const row = rows[0];
  return (
    row && {
      version: toSafeInt(row.version),
      siteId: row.site_id,
      assigneeId: row.assignee_id,
      createdBy: row.created_by,
      done: row.done,
    }
  );
}

export async function upsertTask(tx: Queryable, t: TaskRecord): Promise<void> {
  await tx.query(
    `INSERT INTO tasks (id, person_id, site_id, assignee_id, kind, title, due_on, done_at, created_by,
                        created_at, version, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO UPDATE SET assignee_id = excluded.assignee_id, kind = excluded.kind,
       title = excluded.title, due_on = excluded.due_on, done_at = excluded.done_at,
       version = excluded.version, updated_at = excluded.updated_at`,
    [
      t.id,
      t.personId,
      t.siteId,
      t.assigneeId,
      t.kind,
      t.title,
      t.dueOn,
      t.doneAt,
      t.createdBy,
      t.createdAt,
      t.version,
      t.updatedAt,
    ],
  );
}
