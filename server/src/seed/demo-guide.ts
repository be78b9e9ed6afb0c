import { readFileSync } from 'node:fs';
import type { Database } from '../db/database';
import { importGuide } from '../guide/import-guide';

// Relative to this module, or to dist-server/main.mjs once bundled (scripts/build-server.mjs copies it).
const DEMO_GUIDE_FILE = new URL('./data/guide-demo.json', import.meta.url);

/**
 * Imports the demo service guide (data/guide-demo.json, made by
 * scripts/generate-demo-guide.ts) through the same code as an administrator's upload, only on
 * a database whose guide is empty: a later import by an administrator is never overwritten by
 * a restart. Returns the number of services added.
 */
export async function seedDemoGuide(db: Database, now: Date): Promise<number> {
  const rows = await db.query('SELECT 1 FROM guide_structures LIMIT 1');
  if (rows.length > 0) return 0;
  const report = await importGuide(db, readFileSync(DEMO_GUIDE_FILE), now);
  if (report.refusals.length > 0) {
    throw new Error(
      `Guide de démonstration refusé : ${JSON.stringify(report.refusals.slice(0, 3))}`,
    );
  }
  return report.services.accepted;
}
