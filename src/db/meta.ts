import type { z } from 'zod';
import type { AppDB } from './AppDB';

/**
 * Small device settings kept in the `meta` table rather than idb-keyval, because some of them
 * (the pull cursor, the outbox counter) must change in the same transaction as the data.
 */
export async function readMeta<S extends z.ZodType>(
  db: AppDB,
  key: string,
  schema: S,
): Promise<z.infer<S> | undefined> {
  const row = await db.meta.get(key);
  if (row === undefined) return undefined;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : undefined;
}

export async function writeMeta(db: AppDB, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
