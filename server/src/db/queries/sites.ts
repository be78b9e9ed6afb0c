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

interface SiteRow {
  id: string;
  name: string;
  kind: 'mds' | 'antenne';
  commune_insee: string;
  commune_name: string;
  latitude: number;
  longitude: number;
}

export async function listSites(db: Queryable): Promise<Site[]> {
  const rows = await db.query<SiteRow>(
    'SELECT id, name, kind, commune_insee, commune_name, latitude, longitude FROM sites ORDER BY name',
  );
  return rows.map(toSite);
}

export async function findSite(db: Queryable, id: string): Promise<Site | undefined> {
  const rows = await db.query<SiteRow>(
    'SELECT id, name, kind, commune_insee, commune_name, latitude, longitude FROM sites WHERE id = $1',
    [id],
  );
  return rows[0] && toSite(rows[0]);
}

/** Which of `ids` are not sites. */
export async function unknownSiteIds(db: Queryable, ids: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ id: string }>('SELECT id FROM sites WHERE id = ANY($1::text[])', [
    ids,
  ]);
  const known = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

export async function updateSite(
  tx: Queryable,
  site: Site,
  meta: { version: number; now: string },
): Promise<void> {
  await tx.query(
    `UPDATE sites SET name = $2, kind = $3, commune_insee = $4, commune_name = $5, latitude = $6,
            longitude = $7, version = $8, updated_at = $9
     WHERE id = $1`,
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
}

function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    communeInsee: row.commune_insee,
    communeName: row.commune_name,
    latitude: row.latitude,
    longitude: row.longitude,
  };
}
