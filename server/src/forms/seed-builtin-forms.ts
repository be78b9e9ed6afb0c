import { BUILTIN_FORMS } from '../../../shared/forms/builtin-forms';
import type { Database } from '../db/database';
import { publishForm } from './publish-form';

/**
 * Publishes the built-in forms that are not yet in the database, at every start (demo or
 * not): idempotent, a version already there is left as it is. Returns how many were added.
 */
export async function seedBuiltinForms(db: Database, now: Date): Promise<number> {
  let added = 0;
  for (const definition of BUILTIN_FORMS) {
    if (
      (await publishForm(db, definition, { version: 'as-is', publishedBy: null, now })) !==
      undefined
    )
      added += 1;
  }
  return added;
}
