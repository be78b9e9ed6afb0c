import type { Site } from '../../../shared/schemas/site';
import { ENTITY } from '../../../shared/entities';
import type { Database } from '../db/database';
import { insertSiteIfAbsent, siteExists } from '../db/queries/sites';
import { nextChangeSeq, upsertChange } from '../db/queries/sync-changes';
import { withChangeLogWriter } from '../sync/change-log';

/**
 * Adds the sites whose id is not there yet, each with its change for pull (a global record:
 * every device gets every site). One transaction; a site already there is left as it is, so
 * running it again adds nothing. Returns how many were added.
 */
export function seedSites(db: Database, sites: readonly Site[], now: Date): Promise<number> {
  return withChangeLogWriter(db, async (tx) => {
    let added = 0;
    for (const site of sites) {
      if (await siteExists(tx, site.id)) continue;
      const version = await nextChangeSeq(tx);
      await insertSiteIfAbsent(tx, site, { version, now: now.toISOString() });
      await upsertChange(tx, {
        entity: ENTITY.site,
        entityId: site.id,
        siteId: null,
        seq: version,
        op: 'put',
        payload: site,
      });
      added += 1;
    }
    return added;
  });
}
