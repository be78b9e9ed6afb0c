import { ENTITY } from '../../../shared/entities';
import type { AgentProfile } from '../../../shared/persons/directory';
import type { Role } from '../../../shared/schemas/agent';
import type { Database } from '../db/database';
import { takeChangeSeqs, upsertChanges } from '../db/queries/sync-changes';
import { withChangeLogWriter } from '../sync/change-log';

/**
 * Publishes the directory of professionals (name, role, MDS; never the login) to every
 * device as `agentProfile` records, so an agent can orient a person to a colleague and read
 * who follows a file, offline. Only profiles that changed are written again. Run at start,
 * after the demo seed, and by whatever creates or edits agents. Returns how many it wrote.
 */
export async function publishAgentProfiles(db: Database): Promise<number> {
  return withChangeLogWriter(db, async (tx) => {
    const rows = await tx.query<{
      id: string;
      display_name: string;
      role: Role;
      site_ids: string[];
      published: unknown;
    }>(
      `SELECT a.id, a.display_name, a.role,
              coalesce(array_agg(s.site_id ORDER BY s.site_id) FILTER (WHERE s.site_id IS NOT NULL), '{}') AS site_ids,
              (SELECT payload FROM sync_changes c WHERE c.entity = $1 AND c.entity_id = a.id::text) AS published
       FROM agents a LEFT JOIN agent_sites s ON s.agent_id = a.id
       GROUP BY a.id ORDER BY a.id`,
      [ENTITY.agentProfile],
    );
    const changed = rows
      .map((row) => ({
        profile: {
          id: row.id,
          displayName: row.display_name,
          role: row.role,
          siteIds: row.site_ids,
        } satisfies AgentProfile,
        published: row.published,
      }))
      .filter(({ profile, published }) => !samePublished(profile, published));
    if (changed.length === 0) return 0;
    const seqs = await takeChangeSeqs(tx, changed.length);
    await upsertChanges(
      tx,
      changed.map(({ profile }, index) => ({
        entity: ENTITY.agentProfile,
        entityId: profile.id,
        siteId: null,
        seq: seqs[index]!,
        op: 'put',
        payload: profile,
      })),
    );
    return changed.length;
  });
}

/** jsonb reorders keys, so the published profile is compared field by field. */
function samePublished(profile: AgentProfile, published: unknown): boolean {
  if (typeof published !== 'object' || published === null) return false;
  const p = published as Partial<AgentProfile>;
  return (
    p.id === profile.id &&
    p.displayName === profile.displayName &&
    p.role === profile.role &&
    JSON.stringify(p.siteIds) === JSON.stringify(profile.siteIds)
  );
}
