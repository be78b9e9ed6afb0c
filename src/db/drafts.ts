import { uuidv7 } from '../../shared/uuidv7';
import type { AppDB } from './AppDB';
import { draftRowSchema, type DraftRow } from './rows';

/** Drafts: the forms being typed, saved on every change so closing the tab loses nothing. */

export function newDraft(formId: string, formVersion: number, now: Date = new Date()): DraftRow {
  const at = now.toISOString();
  return {
    id: uuidv7(now.getTime()),
    formId,
    formVersion,
    answers: {},
    createdAt: at,
    updatedAt: at,
  };
}

export async function saveDraft(db: AppDB, draft: DraftRow): Promise<void> {
  await db.drafts.put(draftRowSchema.parse(draft));
}

export async function readDraft(db: AppDB, id: string): Promise<DraftRow | undefined> {
  const row = await db.drafts.get(id);
  return row === undefined ? undefined : draftRowSchema.parse(row);
}

export async function listDrafts(db: AppDB): Promise<DraftRow[]> {
  const rows = await db.drafts.orderBy('updatedAt').reverse().toArray();
  return rows.flatMap((row) => {
    const parsed = draftRowSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function deleteDraft(db: AppDB, id: string): Promise<void> {
  await db.drafts.delete(id);
}
