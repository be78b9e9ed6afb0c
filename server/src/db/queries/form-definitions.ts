/** The `form_definitions` table: published versions, inserted once and never updated. */
import type { FormDefinition } from '../../../../shared/forms/definition-schema';
import type { Queryable } from '../database';

export interface StoredFormDefinition {
  definition: unknown;
  publishedAt: string;
}

export async function findFormDefinition(
  db: Queryable,
  formId: string,
  version: number,
): Promise<unknown | undefined> {
  const rows = await db.query<{ definition: unknown }>(
    'SELECT definition FROM form_definitions WHERE form_id = $1 AND version = $2',
    [formId, version],
  );
  return rows[0]?.definition;
}

export async function latestFormVersion(db: Queryable, formId: string): Promise<number> {
  const rows = await db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM form_definitions WHERE form_id = $1',
    [formId],
  );
  return rows[0]?.version ?? 0;
}

/** Inserts a version unless it exists; true when inserted. */
export async function insertFormDefinition(
  tx: Queryable,
  definition: FormDefinition,
  publishedBy: string | null,
  publishedAt: string,
): Promise<boolean> {
  const rows = await tx.query<{ form_id: string }>(
    `INSERT INTO form_definitions (form_id, version, title, definition, published_by, published_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6)
     ON CONFLICT (form_id, version) DO NOTHING
     RETURNING form_id`,
    [
      definition.formId,
      definition.version,
      definition.title,
      JSON.stringify(definition),
      publishedBy,
      publishedAt,
    ],
  );
  return rows.length === 1;
}
