/**
 * The visits a figure counts, as a SQL common table expression: those of the scope's sites
 * saved in the period or the previous one (`cur` tells which; `who` is the person, see
 * PERSONS_SQL), without the visits a correction
 * replaced, so a corrected visit counts once. Days are those of Europe/Paris; a visit belongs
 * to the day the agent saved it (its device time: a visit synced days later still counts on
 * the day it happened).
 *
 * Parameters: $1 previous period's first day, $2 period's first day, $3 its last day,
 * $4 the sites. Every query of the dashboard starts with it.
 */
export const PERIOD_VISITS_CTE = `
  bounds AS (
    SELECT ($1::date)::timestamp AT TIME ZONE 'Europe/Paris' AS prev_start,
           ($2::date)::timestamp AT TIME ZONE 'Europe/Paris' AS cur_start,
           ($3::date + 1)::timestamp AT TIME ZONE 'Europe/Paris' AS cur_end
  ),
  pv AS (
    SELECT v.*, v.device_created_at >= b.cur_start AS cur, coalesce(v.person_id, v.id) AS who
      FROM visits v CROSS JOIN bounds b
     WHERE v.site_id = ANY($4::text[])
       AND v.device_created_at >= b.prev_start AND v.device_created_at < b.cur_end
       AND NOT EXISTS (SELECT 1 FROM visits c WHERE c.supersedes = v.id)
  )`;

export interface PeriodParams {
  previousFrom: string;
  from: string;
  to: string;
  siteIds: readonly string[];
}

export const periodParams = (p: PeriodParams): unknown[] => [
  p.previousFrom,
  p.from,
  p.to,
  p.siteIds,
];

/**
 * The persons a group of visits counts, in SQL: a visit without a person (before persons were
 * recorded, or an anonymous CRA) counts as a person of its own.
 */
export const PERSONS_SQL = 'count(DISTINCT who)::int';

/** One count of a group in the period (`cur`) or the previous one, with its persons `p`. */
export interface GroupCount {
  key: string | null;
  cur: boolean;
  n: number;
  p: number;
}

export interface PeriodCounts {
  current: { n: number; p: number };
  previous: { n: number; p: number };
}

export const NO_COUNTS: PeriodCounts = { current: { n: 0, p: 0 }, previous: { n: 0, p: 0 } };

/** Counts by key for each period, keys in first-seen order. */
export function splitByPeriod(rows: readonly GroupCount[]): Map<string, PeriodCounts> {
  const counts = new Map<string, PeriodCounts>();
  for (const row of rows) {
    const key = row.key ?? '';
    const entry = counts.get(key) ?? { ...NO_COUNTS };
    entry[row.cur ? 'current' : 'previous'] = { n: row.n, p: row.p };
    counts.set(key, entry);
  }
  return counts;
}
