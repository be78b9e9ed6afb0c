import { MASK_THRESHOLD } from '../../../shared/pilotage/report';

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

/**
 * The counted visits' day figures of the scope's sites in the period or the previous one (`cur`
 * tells which), from `pilotage_visit_days` (migration 011), kept by triggers as visits are
 * written: the same visits as PERIOD_VISITS_CTE, summed by day. Same parameters.
 */
export const PERIOD_DAYS_CTE = `
  pd AS (
    SELECT d.*, d.day >= $2::date AS cur
      FROM pilotage_visit_days d
     WHERE d.site_id = ANY($4::text[]) AND d.day >= $1::date AND d.day <= $3::date
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

/**
 * The OR of the persons' bits of a group, in SQL over rows with a `persons` mask (migration
 * 011, `pilotage_person_bit`): 5 bits set prove 5 persons.
 */
export const PERSON_BITS_SQL = 'bit_or(persons)';

/** Number of bits set in a 32-bit mask. */
function bitCount(mask: number): number {
  let n = mask >>> 0;
  let count = 0;
  for (; n !== 0; n &= n - 1) count += 1;
  return count;
}

/** Whether the persons' bits of a group of `n` records leave its masking undecided. */
export function unproven(n: number, bits: number): boolean {
  return n >= MASK_THRESHOLD && bitCount(bits) < MASK_THRESHOLD;
}

/**
 * The persons of a group of `n` records as masking needs them: `n` itself below the threshold
 * (fewer records, fewer persons: masked alike), else the exact count when one was needed, else
 * the threshold, which the bits proved reached.
 */
export function personsOf(n: number, exact: number | undefined): number {
  return n < MASK_THRESHOLD ? n : (exact ?? MASK_THRESHOLD);
}

/** The identity of a group of a period, to find its exact count. */
export const groupId = (row: { key: string | null; cur: boolean }): string =>
  `${row.key}|${row.cur}`;

/**
 * Runs `exact`, the figure's query on the visits themselves, only when `needed` (some group's
 * bits left its masking undecided), and answers its rows by group.
 */
export async function exactWhen<R extends { key: string | null; cur: boolean }>(
  needed: boolean,
  exact: () => Promise<R[]>,
): Promise<Map<string, R>> {
  const rows = needed ? await exact() : [];
  return new Map(rows.map((row) => [groupId(row), row]));
}

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
