/** The `sites` table: MDS and antennas, global records every device pulls. */
import type { Site } from '../../../../shared/schemas/site';
import type { Queryable } from '../database';

export async function siteExists(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM sites WHERE id = $1', [id]);
  return rows.length === 1;
}

/** Inserts the site unless its id exists; true when inserted. */
export async function insertSiteIfAbsent(
  tx: Queryable,
  site: Site,
  meta: { version: number; now: string },
): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO sites (id, name, kind, commune_insee, commune_name, latitude, longitude, version, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      site.id,
      site.name,
      site.kind,
      site.communeInsee,
      site.communeName,
      site.latitude,
      site.longitude,
      meta.version,
      meta.now,
    ],
  );
  return rows.length === 1;
}
