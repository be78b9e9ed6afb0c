import { ENTITY } from '../../../shared/entities';
import type { Change } from '../../../shared/sync/protocol-v1';
import type { Queryable } from '../db/database';
import { type Int8, toSafeInt } from '../db/convert';
import { personScopeSql } from '../persons/person-scope';

/** A record of a site sent by a pull: a read, for the audit log. */
export interface SiteRecordSent {
  entity: string;
  entityId: string;
  siteId: string;
  personId?: string;
}

export interface PullPage {
  changes: Change[];
  /** The site records among `changes` (puts only), to be written in the audit log. */
  siteRecords: SiteRecordSent[];
  /** Sequence of the last change returned, or `afterSeq` when there is none. */
  lastSeq: number;
  hasMore: boolean;
}

interface PulledRow {
  entity: string;
  entity_id: string;
  site_id: string | null;
  person_id: string | null;
  seq: Int8;
  op: 'put' | 'delete';
  payload: unknown;
}

/**
 * The changes after `afterSeq` that an agent may hold: global records, the records of the
 * sites whose person data they may see (`siteIds`, from auth/access-policy.ts: none for an
 * administrator), the records about the persons in their scope (caseload, pins, referrals,
 * tasks: persons/person-scope.ts), and the persons that left that scope, as a `delete` of the
 * person for this agent alone. One read; since writers commit in sequence order
 * (change-log.ts), a change with a lower sequence can never appear after this page was read.
 */
export async function buildPull(
  db: Queryable,
  query: { agentId: string; siteIds: readonly string[]; afterSeq: number; limit: number },
): Promise<PullPage> {
  const rows = await db.query<PulledRow>(
    `(SELECT entity, entity_id, site_id, person_id, seq, op, payload FROM sync_changes
      WHERE seq > $1
        AND (site_id IS NULL OR site_id = ANY($2::text[])
             OR person_id IN (${personScopeSql('$4::uuid', '$2::text[]')}))
      ORDER BY seq LIMIT $3)
     UNION ALL
     (SELECT '${ENTITY.person}', person_id::text, NULL, person_id, seq, 'delete', NULL
      FROM agent_scope_changes
      WHERE agent_id = $4 AND seq > $1 ORDER BY seq LIMIT $3)
     ORDER BY seq LIMIT $3`,
    [query.afterSeq, query.siteIds, query.limit + 1, query.agentId],
  );
  const page = rows.slice(0, query.limit);
  return {
    changes: page.map(toChange),
    siteRecords: page.flatMap((row) =>
      row.op === 'put' && row.site_id ? [sent(row, row.site_id)] : [],
    ),
    lastSeq: page.length > 0 ? toSafeInt(page.at(-1)!.seq) : query.afterSeq,
    hasMore: rows.length > query.limit,
  };
}

function toChange(row: PulledRow): Change {
  const version = toSafeInt(row.seq);
  return row.op === 'delete'
    ? { entity: row.entity, entityId: row.entity_id, op: 'delete', version }
    : { entity: row.entity, entityId: row.entity_id, op: 'put', version, data: row.payload };
}

function sent(row: PulledRow, siteId: string): SiteRecordSent {
  const personId = row.entity === ENTITY.person ? row.entity_id : row.person_id;
  return {
    entity: row.entity,
    entityId: row.entity_id,
    siteId,
    ...(personId ? { personId } : {}),
  };
}
