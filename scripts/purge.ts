/**
 * `npm run purge`: deletes the records older than their retention period (table
 * `retention_policies`) and prints how many of each type. Meant to run daily (cron, systemd
 * timer). Environment as the server: DATABASE_URL (PostgreSQL, any time) or DATA_DIR (the
 * embedded database, only while the server is stopped; an administrator can also run it from
 * the server, POST /api/v1/rgpd/purge). Exit code 0 on success, 1 otherwise.
 */
import { migrate } from '../server/src/db/migrate';
import { openDatabase } from '../server/src/db/open-database';
import { purgeExpired } from '../server/src/rgpd/purge-expired';

try {
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.DATA_DIR || './data',
  });
  try {
    await migrate(db);
    const report = await purgeExpired(db, { now: new Date(), by: null, via: 'npm run purge' });
    for (const entity of report.entities) {
      console.info(
        `${entity.label} (${entity.retentionDays} jours) : ${entity.purged} supprimé(s)`,
      );
    }
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
