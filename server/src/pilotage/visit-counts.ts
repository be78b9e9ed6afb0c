import { personsCell } from '../../../shared/pilotage/cells';
import { monthLabel, PLACE_LABELS, type Place } from '../../../shared/pilotage/labels';
import type { PilotageSite, PilotageTable } from '../../../shared/pilotage/report';
import { roleLabels, roles } from '../../../shared/schemas/agent';
import type { Queryable } from '../db/database';
import {
  type GroupCount,
  NO_COUNTS,
  PERIOD_DAYS_CTE,
  PERIOD_VISITS_CTE,
  PERSON_BITS_SQL,
  PERSONS_SQL,
  type PeriodParams,
  periodParams,
  personsOf,
  splitByPeriod,
  unproven,
} from './period-visits';

interface DimensionCount extends GroupCount {
  dim: 'month' | 'site' | 'role' | 'form' | 'place';
}

export interface VisitCountTables {
  visitsByMonth: PilotageTable;
  visitsBySite: PilotageTable;
  visitsByProfession: PilotageTable;
  visitsByForm: PilotageTable;
  visitsByPlace: PilotageTable;
}

const visitsColumn = [{ key: 'visites', label: 'Visites', unit: 'count' as const }];

const TAGGED_CTE = `
  tagged AS (
    SELECT pv.cur, pv.who, pv.site_id, pv.form_id, a.role,
           to_char(pv.device_created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month,
           pilotage_place(pv.form_id, pv.answers) AS place
      FROM pv JOIN agents a ON a.id = pv.author_id
  )`;

/**
 * The same tags from the day figures: a day's month, and the author's role today (as the
 * visits are tagged). Where a visit took place is `pilotage_place` (migration 011).
 */
const TAGGED_DAYS_CTE = `
  tagged AS (
    SELECT pd.cur, pd.visits, pd.persons, pd.site_id, pd.form_id, a.role,
           to_char(pd.day, 'YYYY-MM') AS month, pd.place
      FROM pd JOIN agents a ON a.id = pd.author_id
  )`;

const DIMENSION_SQL = `
  CASE WHEN GROUPING(month) = 0 THEN 'month' WHEN GROUPING(site_id) = 0 THEN 'site'
       WHEN GROUPING(role) = 0 THEN 'role' WHEN GROUPING(form_id) = 0 THEN 'form'
       ELSE 'place' END AS dim,
  coalesce(month, site_id, role, form_id, place) AS key, cur`;

const SETS_SQL =
  'GROUPING SETS ((cur, month), (cur, site_id), (cur, role), (cur, form_id), (cur, place))';

const DIMENSION_COLUMNS = {
  month: 'month',
  site: 'site_id',
  role: 'role',
  form: 'form_id',
  place: 'place',
} as const;

/**
 * The visit counts by month, MDS, profession, form and place, for the period and the previous
 * one, in one pass over the day figures (GROUPING SETS). Each day figure holds the OR of one
 * bit of 32 per person (a hash of the person): 5 bits set in a group prove 5 persons. Only the
 * groups that cannot prove it are counted exactly, in a second query reading their visits.
 */
export async function visitCountTables(
  db: Queryable,
  params: PeriodParams,
  sites: readonly PilotageSite[],
): Promise<VisitCountTables> {
  const counted = await db.query<DimensionCount & { bits: number }>(
    `WITH ${PERIOD_DAYS_CTE}, ${TAGGED_DAYS_CTE}
     SELECT ${DIMENSION_SQL}, sum(visits)::int AS n, 0 AS p, ${PERSON_BITS_SQL} AS bits
       FROM tagged GROUP BY ${SETS_SQL}`,
    periodParams(params),
  );
  const unsure = counted.filter((row) => unproven(row.n, row.bits));
  const exact = new Map<string, number>();
  if (unsure.length > 0) {
    const filters = Object.entries(DIMENSION_COLUMNS).map(([dim, column], index) => {
      const wanted = unsure.filter((row) => row.dim === dim);
      return {
        sql: `(${column}, cur) IN (SELECT * FROM unnest($${5 + 2 * index}::text[], $${6 + 2 * index}::bool[]))`,
        params: [wanted.map((row) => row.key), wanted.map((row) => row.cur)],
      };
    });
    const rows = await db.query<DimensionCount>(
      `WITH ${PERIOD_VISITS_CTE}, ${TAGGED_CTE}
       SELECT ${DIMENSION_SQL}, count(*)::int AS n, ${PERSONS_SQL} AS p
         FROM tagged WHERE ${filters.map((f) => f.sql).join(' OR ')}
        GROUP BY ${SETS_SQL}`,
      [...periodParams(params), ...filters.flatMap((f) => f.params)],
    );
    // Groups proven already may come back partly (rows kept for another group): ignored.
    const wanted = new Set(unsure.map((row) => `${row.dim}|${row.key}|${row.cur}`));
    for (const row of rows) {
      const id = `${row.dim}|${row.key}|${row.cur}`;
      if (wanted.has(id)) exact.set(id, row.p);
    }
  }
  // A proven group gets "at least 5 persons", all masking needs to know.
  const rows = counted.map((row) => ({
    ...row,
    p: personsOf(row.n, exact.get(`${row.dim}|${row.key}|${row.cur}`)),
  }));
  const of = (dim: DimensionCount['dim']) => rows.filter((row) => row.dim === dim);
  const titles = await formTitles(db);

  const byForm = splitByPeriod(of('form'));
  const byRole = splitByPeriod(of('role'));
  const bySite = splitByPeriod(of('site'));
  const byPlace = splitByPeriod(of('place'));
  return {
    visitsByMonth: monthTable(of('month'), params),
    visitsBySite: {
      id: 'visitsBySite',
      title: 'Visites par MDS',
      rowHeader: 'MDS',
      columns: visitsColumn,
      rows: sites
        .filter((site) => params.siteIds.includes(site.id))
        .map((site) => {
          const n = bySite.get(site.id) ?? NO_COUNTS;
          return { key: site.id, label: site.name, cells: [personsCell(n.current, n.previous)] };
        }),
    },
    visitsByProfession: {
      id: 'visitsByProfession',
      title: 'Visites par profession',
      rowHeader: 'Profession',
      columns: visitsColumn,
      rows: roles.flatMap((role) => {
        const n = byRole.get(role);
        return n
          ? [{ key: role, label: roleLabels[role], cells: [personsCell(n.current, n.previous)] }]
          : [];
      }),
    },
    visitsByForm: {
      id: 'visitsByForm',
      title: 'Visites par formulaire',
      rowHeader: 'Formulaire',
      columns: visitsColumn,
      rows: [...byForm]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([formId, n]) => ({
          key: formId,
          label: titles.get(formId) ?? formId,
          cells: [personsCell(n.current, n.previous)],
        })),
    },
    visitsByPlace: {
      id: 'visitsByPlace',
      title: 'Visites à domicile et à l’accueil',
      rowHeader: 'Lieu',
      columns: visitsColumn,
      rows: (Object.keys(PLACE_LABELS) as Place[]).map((place) => {
        const n = byPlace.get(place) ?? NO_COUNTS;
        return {
          key: place,
          label: PLACE_LABELS[place],
          cells: [personsCell(n.current, n.previous)],
        };
      }),
    },
  };
}

/**
 * Visits month by month; the previous figure of a row is the same month of the previous
 * period (the n-th month of each), so the line chart compares like with like.
 */
function monthTable(rows: readonly GroupCount[], params: PeriodParams): PilotageTable {
  const current = monthsOf(params.from, params.to);
  const previous = monthsOf(params.previousFrom, dayBefore(params.from));
  const counts = splitByPeriod(rows);
  return {
    id: 'visitsByMonth',
    title: 'Visites par mois',
    rowHeader: 'Mois',
    columns: visitsColumn,
    rows: current.map((month, index) => {
      const prevMonth = previous[index];
      return {
        key: month,
        label: monthLabel(month),
        cells: [
          personsCell(
            counts.get(month)?.current ?? NO_COUNTS.current,
            prevMonth === undefined
              ? NO_COUNTS.previous
              : (counts.get(prevMonth)?.previous ?? NO_COUNTS.previous),
          ),
        ],
      };
    }),
  };
}

/** The months `YYYY-MM` from the one of `from` to the one of `to`. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

function dayBefore(day: string): string {
  return new Date(Date.parse(day) - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

async function formTitles(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.query<{ form_id: string; title: string }>(
    'SELECT DISTINCT ON (form_id) form_id, title FROM form_definitions ORDER BY form_id, version DESC',
  );
  return new Map(rows.map((row) => [row.form_id, row.title]));
}
