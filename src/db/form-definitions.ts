import type { FormDefinition } from '../../shared/forms/definition-schema';
import {
  type FormDefinitionRecord,
  formDefinitionRecordSchema,
} from '../../shared/forms/form-definition-record';
import type { Role } from '../../shared/schemas/agent';
import type { AppDB } from './AppDB';
import type { EntityStore } from './entity-stores';
import { type DraftRow, draftRowSchema } from './rows';
import { localVisitSchema } from './rows';
import { uuidv7 } from '../../shared/uuidv7';

/**
 * Published form definitions on the device: pulled from the server (every version is kept,
 * so a draft begun on version 1 is finished on version 1 after version 2 arrives). Devices
 * never write them otherwise.
 */
export const formDefinitionStore: EntityStore = {
  tables: (db) => [db.formDefinitions],
  async applyChange(db, change) {
    if (change.op === 'delete') await db.formDefinitions.delete(change.entityId);
    else await db.formDefinitions.put(formDefinitionRecordSchema.parse(change.data));
  },
  async markSynced() {},
  async markRefused() {},
};

export async function readFormDefinition(
  db: AppDB,
  formId: string,
  version: number,
): Promise<FormDefinition | undefined> {
  const row = await db.formDefinitions.get(`${formId}@${version}`);
  const parsed = formDefinitionRecordSchema.safeParse(row);
  return parsed.success ? parsed.data.definition : undefined;
}

/** The latest version of each form that agents of `role` use, by title. */
export async function listPublishedForms(db: AppDB, role: Role): Promise<FormDefinition[]> {
  const latest = new Map<string, FormDefinitionRecord>();
  for (const row of await db.formDefinitions.toArray()) {
    const parsed = formDefinitionRecordSchema.safeParse(row);
    if (!parsed.success || !parsed.data.definition.roles.includes(role)) continue;
    const known = latest.get(parsed.data.formId);
    if (!known || known.version < parsed.data.version) latest.set(parsed.data.formId, parsed.data);
  }
  return [...latest.values()]
    .map((r) => r.definition)
    .sort((a, b) => a.title.localeCompare(b.title, 'fr'));
}

/** A new draft of the latest version of a form, saved at once so a reload finds it. */
export async function startDraft(
  db: AppDB,
  definition: FormDefinition,
  answers: Record<string, unknown>,
  now = new Date(),
  personId?: string,
): Promise<DraftRow> {
  const at = now.toISOString();
  const draft: DraftRow = {
    id: uuidv7(now.getTime()),
    formId: definition.formId,
    formVersion: definition.version,
    answers,
    ...(personId ? { personId } : {}),
    createdAt: at,
    updatedAt: at,
  };
  await db.drafts.put(draftRowSchema.parse(draft));
  return draft;
}

/**
 * "Corriger": a new draft, on the same form version, holding the answers of a signed visit
 * and naming it in `supersedes`. The signed visit is left untouched; once the correction is
 * signed and synced, both are in the history. Idempotent per click: each call is a new draft.
 */
export async function startCorrection(
  db: AppDB,
  visitId: string,
  now = new Date(),
): Promise<DraftRow> {
  const visit = localVisitSchema.parse(await db.visits.get(visitId));
  const at = now.toISOString();
  const draft: DraftRow = {
    id: uuidv7(now.getTime()),
    formId: visit.formId,
    formVersion: visit.formVersion,
    answers: visit.answers,
    supersedes: visit.id,
    createdAt: at,
    updatedAt: at,
  };
  await db.drafts.put(draftRowSchema.parse(draft));
  return draft;
}
