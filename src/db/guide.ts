import {
  type ServiceRecord,
  serviceRecordSchema,
  type StructureRecord,
  structureRecordSchema,
} from '../../shared/guide/schemas';
import type { AppDB } from './AppDB';

export interface GuideData {
  structures: StructureRecord[];
  services: ServiceRecord[];
}

/**
 * The whole service guide on this device, read in one transaction so structures and services
 * agree. Rows an older app version wrote in another shape are skipped.
 */
export async function loadGuide(db: AppDB): Promise<GuideData> {
  return db.transaction('r', [db.structures, db.services], async () => ({
    structures: parseAll(await db.structures.toArray(), structureRecordSchema.safeParse),
    services: parseAll(await db.services.toArray(), serviceRecordSchema.safeParse),
  }));
}

function parseAll<T>(
  rows: unknown[],
  parse: (row: unknown) => { success: true; data: T } | { success: false },
): T[] {
  return rows.flatMap((row) => {
    const parsed = parse(row);
    return parsed.success ? [parsed.data] : [];
  });
}
