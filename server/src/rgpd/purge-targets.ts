/**
 * The records that expire, by the entity name of `retention_policies`: the table, the column
 * their age is counted from (last server write), their site and person columns. Listed in
 * deletion order: records naming another come before it. Table and column names are constants
 * here, never taken from a request.
 */
export interface PurgeTarget {
  entity: string;
  table: string;
  ageColumn: string;
  siteColumn: string;
  personColumn: string;
  /** More conditions on the expired rows (SQL on the table's own columns). */
  alsoWhere?: string;
  /**
   * Statements run first, with `$1` the cutoff and `__EXPIRED__` standing for the ids of the
   * rows about to be purged: rows that name them in tables without a retention of their own.
   */
  before?: string[];
}

const EXPIRED = '__EXPIRED__';

/** A person is kept while any visit, referral or task about them is kept. */
const PERSON_HAS_NO_RECORD = `NOT EXISTS (SELECT 1 FROM visits v WHERE v.person_id = persons.id)
  AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.person_id = persons.id)
  AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.person_id = persons.id)`;

export const PURGE_TARGETS: readonly PurgeTarget[] = [
  {
    entity: 'task',
    table: 'tasks',
    ageColumn: 'updated_at',
    siteColumn: 'site_id',
    personColumn: 'person_id',
  },
  {
    entity: 'referral',
    table: 'referrals',
    ageColumn: 'updated_at',
    siteColumn: 'from_site_id',
    personColumn: 'person_id',
    before: [`DELETE FROM referral_events WHERE referral_id IN (${EXPIRED})`],
  },
  {
    entity: 'orientation',
    table: 'orientations',
    ageColumn: 'updated_at',
    siteColumn: 'site_id',
    personColumn: 'person_id',
  },
  {
    entity: 'visit',
    table: 'visits',
    ageColumn: 'updated_at',
    siteColumn: 'site_id',
    personColumn: 'person_id',
  },
  {
    entity: 'person',
    table: 'persons',
    ageColumn: 'updated_at',
    siteColumn: 'site_id',
    personColumn: 'id',
    alsoWhere: PERSON_HAS_NO_RECORD,
    before: [
      // Agents of other sites who followed or pinned the person pull its removal as a scope
      // exit (their site does not see the tombstone), then the links go.
      `INSERT INTO agent_scope_changes (agent_id, person_id, seq)
       SELECT agent_id, person_id, nextval('change_seq')
       FROM (SELECT agent_id, person_id FROM person_followers UNION SELECT agent_id, person_id FROM person_pins) l
       WHERE l.person_id IN (${EXPIRED})
       ON CONFLICT (agent_id, person_id) DO UPDATE SET seq = excluded.seq`,
      `DELETE FROM person_followers WHERE person_id IN (${EXPIRED})`,
      `DELETE FROM person_pins WHERE person_id IN (${EXPIRED})`,
    ],
  },
];

/** SQL selecting the ids of `target`'s rows older than `$1`. */
export function expiredIdsSql(target: PurgeTarget): string {
  return `SELECT id FROM ${target.table} WHERE ${target.ageColumn} < $1${target.alsoWhere ? ` AND ${target.alsoWhere}` : ''}`;
}

export function withExpired(statement: string, target: PurgeTarget): string {
  return statement.replaceAll(EXPIRED, expiredIdsSql(target));
}
