import { ENTITY } from '../../../shared/entities';
import type { Change } from '../../../shared/sync/protocol-v1';
import type { Queryable } from '../db/database';
import { type Int8, toSafeInt } from '../db/convert';
import { personScopeSql } from '../persons/person-scope';

export interface PullPage {
  changes: Change[];
  /** Sequence of the last change returned, or `afterSeq` when there is none. */
  lastSeq: number;
  hasMore: boolean;
}

/**
 * The changes after `afterSeq` that an agent may hold: global records, the records of their
 * sites, the records about the persons in their scope (caseload, pins, referrals, tasks:
 * persons/person-scope.ts), and the persons that left that scope, as a `delete` of the
 * person for this agent alone. One read; since writers commit in sequence order
 * (change-log.ts), a change with a lower sequence can never appear after this page was read.
 */
export async function buildPull(
  db: Queryable,
  query: { agentId: string; siteIds: readonly string[]; afterSeq: number; limit: number },
): Promise<PullPage> {
  const rows = await db.query<{
    entity: string;
    entity_id: string;
    seq: Int8;
    op: 'put' | 'delete';
    payload: unknown;
  }>(
    `(SELECT entity, entity_id, seq, op, payload FROM sync_changes
      WHERE seq > $1
        AND (site_id IS NULL OR site_id = ANY($2::text[])
             OR person_id IN (${personScopeSql('$4::uuid', '$2::text[]')}))
      ORDER BY seq LIMIT $3)
     UNION ALL
     (SELECT '${ENTITY.person}', person_id::text, seq, 'delete', NULL FROM agent_scope_changes
      WHERE agent_id = $4 AND seq > $1 ORDER BY seq LIMIT $3)
     ORDER BY seq LIMIT $3`,
    [query.afterSeq, query.siteIds, query.limit + 1, query.agentId],
  );
  const page = rows.slice(0, query.limit);
  return {
    changes: page.map((row): Change => {
      const version = toSafeInt(row.seq);
      return row.op === 'delete'
        ? { entity: row.entity, entityId: row.entity_id, op: 'delete', version }
        : { entity: row.entity, entityId: row.entity_id, op: 'put', version, data: row.payload };
    }),
    lastSeq: page.length > 0 ? toSafeInt(page.at(-1)!.seq) : query.afterSeq,
    hasMore: rows.length > query.limit,
  };
}
