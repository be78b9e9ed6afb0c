import { ENTITY } from '../../../shared/entities';
import type { Site } from '../../../shared/schemas/site';
import type { UpdateSite } from '../../../shared/security/admin-api';
import type { Database } from '../db/database';
import { findSite, insertSiteIfAbsent, updateSite } from '../db/queries/sites';
import { nextChangeSeq, upsertChange } from '../db/queries/sync-changes';
import { ApiError } from '../http/api-error';
import { withChangeLogWriter } from '../sync/change-log';

/**
 * Administrators add and edit sites (MDS, antennas). A site is a global record: each change
 * gets a new version and its pull change in the same transaction, so every device receives it.
 */
export async function createSite(db: Database, site: Site, now: Date): Promise<Site> {
  const added = await withChangeLogWriter(db, async (tx) => {
    const version = await nextChangeSeq(tx);
    if (!(await insertSiteIfAbsent(tx, site, { version, now: now.toISOString() }))) return false;
    await logSite(tx, site, version);
    return true;
  });
  if (!added) throw new ApiError(409, 'site_taken');
  return site;
}

export async function changeSite(
  db: Database,
  id: string,
  change: UpdateSite,
  now: Date,
): Promise<Site> {
  return withChangeLogWriter(db, async (tx) => {
    const current = await findSite(tx, id);
    if (!current) throw new ApiError(404, 'not_found');
    const site: Site = { ...current, ...change };
    const version = await nextChangeSeq(tx);
    await updateSite(tx, site, { version, now: now.toISOString() });
    await logSite(tx, site, version);
    return site;
  });
}

function logSite(tx: Parameters<typeof upsertChange>[0], site: Site, version: number) {
  return upsertChange(tx, {
    entity: ENTITY.site,
    entityId: site.id,
    siteId: null,
    seq: version,
    op: 'put',
    payload: site,
  });
}
