import { join } from 'node:path';
import type { Database } from './database';
import { lockDataDir } from './pglite-lock';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/**
 * PostgreSQL when a connection URL is given, else the embedded PGlite in `dataDir/pglite`,
 * locked to this process until `close()`.
 */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  const release = lockDataDir(opts.dataDir);
  try {
    const db = await openPglite(join(opts.dataDir, 'pglite'));
    return {
      ...db,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
