/**
 * The visits a figure counts, as a SQL common table expression: those of the scope's sites
 * saved in the period or the previous one (`cur` tells which), without the visits a correction
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
    SELECT v.*, v.device_created_at >= b.cur_start AS cur
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

/** One count of a group in the period (`cur`) or the previous one. */
export interface GroupCount {
  key: string | null;
  cur: boolean;
  n: number;
}

/** Counts by key as `{ current, previous }`, keys in first-seen order. */
export function splitByPeriod(
  rows: readonly GroupCount[],
): Map<string, { current: number; previous: number }> {
  const counts = new Map<string, { current: number; previous: number }>();
  for (const row of rows) {
    const key = row.key ?? '';
    const entry = counts.get(key) ?? { current: 0, previous: 0 };
    if (row.cur) entry.current += row.n;
    else entry.previous += row.n;
    counts.set(key, entry);
  }
  return counts;
}
