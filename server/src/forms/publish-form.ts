import { ENTITY } from '../../../shared/entities';
import type { FormDefinition } from '../../../shared/forms/definition-schema';
import {
  type FormDefinitionRecord,
  formDefinitionId,
} from '../../../shared/forms/form-definition-record';
import type { Database } from '../db/database';
import { insertFormDefinition, latestFormVersion } from '../db/queries/form-definitions';
import { nextChangeSeq, upsertChange } from '../db/queries/sync-changes';
import { withChangeLogWriter } from '../sync/change-log';

/**
 * Publishes an already validated definition in one transaction: its row and the pull change
 * that brings it to every device (site null). `version: 'next'` publishes it as the version
 * after the latest of its form (an administrator's upload); `'as-is'` keeps its own version
 * and does nothing if that version exists (the built-in forms at start, idempotent).
 * Returns the version published, or undefined when nothing was written.
 */
export async function publishForm(
  db: Database,
  input: FormDefinition,
  options: { version: 'next' | 'as-is'; publishedBy: string | null; now: Date },
): Promise<number | undefined> {
  return withChangeLogWriter(db, async (tx) => {
    const version =
      options.version === 'next' ? (await latestFormVersion(tx, input.formId)) + 1 : input.version;
    const definition: FormDefinition = { ...input, version };
    const publishedAt = options.now.toISOString();
    if (!(await insertFormDefinition(tx, definition, options.publishedBy, publishedAt)))
      return undefined;
    const record: FormDefinitionRecord = {
      id: formDefinitionId(definition),
      formId: definition.formId,
      version,
      definition,
      publishedAt,
    };
    await upsertChange(tx, {
      entity: ENTITY.formDefinition,
      entityId: record.id,
      siteId: null,
      seq: await nextChangeSeq(tx),
      op: 'put',
      payload: record,
    });
    return version;
  });
}
