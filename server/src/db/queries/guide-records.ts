/** The `guide_structures` and `guide_services` tables: the imported data·inclusion records. */
import type { Queryable } from '../database';
import { type Int8, toSafeInt } from '../convert';

export type GuideTable = 'guide_structures' | 'guide_services';

export interface StoredGuideRecord {
  payload: unknown;
  version: number;
}

/** Every record of `table` by id (a département's guide is a few thousand rows). */
export async function loadGuideRecords(
  db: Queryable,
  table: GuideTable,
): Promise<Map<string, StoredGuideRecord>> {
  const rows = await db.query<{ id: string; payload: unknown; version: Int8 }>(
    `SELECT id, payload, version FROM ${table}`,
  );
  return new Map(
    rows.map((row) => [row.id, { payload: row.payload, version: toSafeInt(row.version) }]),
  );
}

/** Inserts or replaces one record with its new version. */
export async function upsertGuideRecord(
  tx: Queryable,
  table: GuideTable,
  record: { id: string; structureId?: string; payload: unknown; version: number; now: string },
): Promise<void> {
  const payload = JSON.stringify(record.payload);
  if (table === 'guide_structures') {
    await tx.query(
      `INSERT INTO guide_structures (id, payload, version, updated_at) VALUES ($1, $2::jsonb, $3, $4)
       ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, version = excluded.version, updated_at = excluded.updated_at`,
      [record.id, payload, record.version, record.now],
    );
    return;
  }
  await tx.query(
    `INSERT INTO guide_services (id, structure_id, payload, version, updated_at) VALUES ($1, $2, $3::jsonb, $4, $5)
     ON CONFLICT (id) DO UPDATE SET structure_id = excluded.structure_id, payload = excluded.payload,
       version = excluded.version, updated_at = excluded.updated_at`,
    [record.id, record.structureId, payload, record.version, record.now],
  );
}

/** The service as stored, or undefined; for the public sheet. */
export async function findGuideService(db: Queryable, id: string): Promise<unknown> {
  const rows = await db.query<{ payload: unknown }>(
    'SELECT payload FROM guide_services WHERE id = $1',
    [id],
  );
  return rows[0]?.payload;
}

export async function findGuideStructure(db: Queryable, id: string): Promise<unknown> {
  const rows = await db.query<{ payload: unknown }>(
    'SELECT payload FROM guide_structures WHERE id = $1',
    [id],
  );
  return rows[0]?.payload;
}

export async function guideServiceExists(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM guide_services WHERE id = $1', [id]);
  return rows.length === 1;
}
