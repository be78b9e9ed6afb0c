import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

/** Owns the `schema_migrations` table: which files of migrations/ this database has run. */
// Relative to this module, or to dist-server/main.mjs once bundled (scripts/build-server.mjs copies it).
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Advisory lock key that serialises servers migrating the same PostgreSQL at start-up. */
const MIGRATION_LOCK_KEY = 4_100_000;

/**
 * Applies the `.sql` files not yet recorded, in name order, in ONE transaction: a crash or a
 * failing file leaves the schema as it was, and the next start tries again from there.
 * Returns the names applied.
 */
export async function migrate(db: Database): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const rows = await tx.query<{ name: string }>('SELECT name FROM schema_migrations');
    const done = new Set(rows.map((row) => row.name));
    const pending = files.filter((name) => !done.has(name));
    for (const name of pending) {
      await tx.exec(readFileSync(`${MIGRATIONS_DIR}${name}`, 'utf8'));
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    }
    return pending;
  });
}
