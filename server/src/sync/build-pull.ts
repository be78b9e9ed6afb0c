import type { Change } from '../../../shared/sync/protocol-v1';
import type { Queryable } from '../db/database';
import { type ChangeRow, selectChangesAfter } from '../db/queries/sync-changes';

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

/**
 * The changes after `afterSeq` that an agent of `siteIds` may hold: global records and the
 * records of those sites (auth/access-policy.ts says which sites; none for an administrator).
 * One read; since writers commit in sequence order (change-log.ts),
 * a change with a lower sequence can never appear after this page was read.
 */
export async function buildPull(
  db: Queryable,
  query: { siteIds: readonly string[]; afterSeq: number; limit: number },
): Promise<PullPage> {
  const rows = await selectChangesAfter(db, query.afterSeq, query.siteIds, query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    changes: page.map(toChange),
    siteRecords: page.flatMap((row) =>
      row.op === 'put' && row.siteId ? [sent(row, row.siteId)] : [],
    ),
    lastSeq: page.at(-1)?.seq ?? query.afterSeq,
    hasMore: rows.length > query.limit,
  };
}

function toChange(row: ChangeRow): Change {
  return row.op === 'delete'
    ? { entity: row.entity, entityId: row.entityId, op: 'delete', version: row.seq }
    : {
        entity: row.entity,
        entityId: row.entityId,
        op: 'put',
        version: row.seq,
        data: row.payload,
      };
}

function sent(row: ChangeRow, siteId: string): SiteRecordSent {
  const personId =
    row.entity === 'person'
      ? row.entityId
      : (row.payload as { personId?: unknown } | null)?.personId;
  return {
    entity: row.entity,
    entityId: row.entityId,
    siteId,
    ...(typeof personId === 'string' ? { personId } : {}),
  };
}
