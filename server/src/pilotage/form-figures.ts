import { CRA_MEDIATION_NUMERIQUE } from '../../../shared/forms/definitions/cra-mediation-numerique';
import { allFields } from '../../../shared/forms/form-walk';
import { countOfPersons, mean, percent, personsCell } from '../../../shared/pilotage/cells';
import { DURATION_BRACKETS } from '../../../shared/pilotage/labels';
import type { PilotageSite, PilotageTable } from '../../../shared/pilotage/report';
import type { Queryable } from '../db/database';
import {
  type GroupCount,
  exactWhen,
  groupId,
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

/** A group's count `n` of persons `p`, and a second figure `part` of persons `part_p`. */
interface SumCount extends GroupCount {
  part: number;
  part_p: number;
}

/** A group's figures from the day figures: the OR of the persons' bits of each count. */
interface SumBits extends SumCount {
  bits: number;
}

const NONE: SumCount = { key: null, cur: true, n: 0, p: 0, part: 0, part_p: 0 };

const both = <T>(rows: readonly (T & { cur: boolean })[]) => ({
  current: rows.filter((row) => row.cur),
  previous: rows.filter((row) => !row.cur),
});

/**
 * GIR of the AGGIR evaluations: the GIR the medico-social team kept when given, else the one
 * the grid computed; its share of the evaluations with a GIR.
 */
export async function girTable(db: Queryable, params: PeriodParams): Promise<PilotageTable> {
  const counted = await db.query<GroupCount & { bits: number }>(
    `WITH ${PERIOD_DAYS_CTE}
     SELECT gir AS key, cur, sum(visits)::int AS n, 0 AS p, ${PERSON_BITS_SQL} AS bits
       FROM pd WHERE form_id = 'aggir-evaluation'
      GROUP BY 1, 2`,
    periodParams(params),
  );
  const exact = await exactWhen(
    counted.some((row) => unproven(row.n, row.bits)),
    () =>
      db.query<GroupCount>(
        `WITH ${PERIOD_VISITS_CTE}
         SELECT coalesce(nullif(answers->>'girRetenu', ''), answers->'gir'->>'gir') AS key, cur,
                count(*)::int AS n, ${PERSONS_SQL} AS p
           FROM pv WHERE form_id = 'aggir-evaluation'
          GROUP BY 1, 2`,
        periodParams(params),
      ),
  );
  const rows = counted.map((row) => ({ ...row, p: personsOf(row.n, exact.get(groupId(row))?.p) }));
  const counts = splitByPeriod(rows.filter((row) => row.key !== null));
  const total = { current: 0, previous: 0 };
  for (const n of counts.values()) {
    total.current += n.current.n;
    total.previous += n.previous.n;
  }
  const share = (count: { n: number; p: number }, all: number) =>
    countOfPersons(count.n, count.p) === null ? null : percent(count.n, all);
  return {
    id: 'girDistribution',
    title: 'Répartition des GIR (évaluations AGGIR)',
    rowHeader: 'GIR',
    columns: [
      { key: 'evaluations', label: 'Évaluations', unit: 'count' },
      { key: 'part', label: 'Part des évaluations', unit: 'percent' },
    ],
    rows: ['1', '2', '3', '4', '5', '6'].map((gir) => {
      const n = counts.get(gir) ?? NO_COUNTS;
      return {
        key: gir,
        label: `GIR ${gir}`,
        cells: [
          personsCell(n.current, n.previous),
          { value: share(n.current, total.current), previous: share(n.previous, total.previous) },
        ],
      };
    }),
    note: 'GIR retenu par l’équipe médico-sociale quand il est renseigné, sinon GIR calculé par la grille.',
  };
}

/** EPDS given during PMI visits, and how many scored above the threshold, by MDS and overall. */
export async function epdsTable(
  db: Queryable,
  params: PeriodParams,
  sites: readonly PilotageSite[],
): Promise<PilotageTable> {
  const counted = await db.query<SumBits & { part_bits: number }>(
    `WITH ${PERIOD_DAYS_CTE}
     SELECT site_id AS key, cur, sum(visits)::int AS n, 0 AS p, ${PERSON_BITS_SQL} AS bits,
            coalesce(sum(visits) FILTER (WHERE epds_above), 0)::int AS part, 0 AS part_p,
            coalesce(${PERSON_BITS_SQL} FILTER (WHERE epds_above), 0) AS part_bits
       FROM pd WHERE form_id = 'pmi-visite' AND epds_above IS NOT NULL
      GROUP BY GROUPING SETS ((cur, site_id), (cur))`,
    periodParams(params),
  );
  const exact = await exactWhen(
    counted.some((row) => unproven(row.n, row.bits) || unproven(row.part, row.part_bits)),
    () =>
      db.query<SumCount>(
        `WITH ${PERIOD_VISITS_CTE}
         SELECT site_id AS key, cur, count(*)::int AS n, ${PERSONS_SQL} AS p,
                count(*) FILTER (WHERE (answers->'epdsScore'->>'aboveThreshold')::boolean)::int AS part,
                count(DISTINCT who) FILTER (WHERE (answers->'epdsScore'->>'aboveThreshold')::boolean)::int AS part_p
           FROM pv WHERE form_id = 'pmi-visite' AND answers->'epdsScore' IS NOT NULL
          GROUP BY GROUPING SETS ((cur, site_id), (cur))`,
        periodParams(params),
      ),
  );
  const rows = counted.map((row) => {
    const sure = exact.get(groupId(row));
    return { ...row, p: personsOf(row.n, sure?.p), part_p: personsOf(row.part, sure?.part_p) };
  });
  const line = (key: string, label: string, match: (row: SumCount) => boolean) => {
    const cur = rows.find((row) => row.cur && match(row)) ?? NONE;
    const prev = rows.find((row) => !row.cur && match(row)) ?? NONE;
    const share = (r: SumCount) =>
      countOfPersons(r.part, r.part_p) === null || countOfPersons(r.n, r.p) === null
        ? null
        : percent(r.part, r.n);
    return {
      key,
      label,
      cells: [
        personsCell(cur, prev),
        personsCell({ n: cur.part, p: cur.part_p }, { n: prev.part, p: prev.part_p }),
        { value: share(cur), previous: share(prev) },
      ],
    };
  };
  return {
    id: 'epds',
    title: 'EPDS au-dessus du seuil de repérage',
    rowHeader: 'MDS',
    columns: [
      { key: 'passes', label: 'EPDS passés', unit: 'count' },
      { key: 'audessus', label: 'Au-dessus du seuil', unit: 'count' },
      { key: 'part', label: 'Part au-dessus du seuil', unit: 'percent' },
    ],
    rows: [
      ...sites
        .filter((site) => params.siteIds.includes(site.id))
        .map((site) => line(site.id, site.name, (row) => row.key === site.id)),
      line('ensemble', 'Ensemble', (row) => row.key === null),
    ],
    note: 'Un repérage, jamais un diagnostic (seuil de la version du formulaire remplie).',
  };
}

/** Digital help (CRA): accompaniments by theme, with their mean duration. */
export async function digitalThemesTable(
  db: Queryable,
  params: PeriodParams,
): Promise<PilotageTable> {
  const counted = await db.query<SumBits>(
    `SELECT theme AS key, day >= $2::date AS cur, sum(visits)::int AS n, 0 AS p,
            ${PERSON_BITS_SQL} AS bits, sum(duree_sum)::int AS part, 0 AS part_p
       FROM pilotage_theme_days
      WHERE site_id = ANY($4::text[]) AND day >= $1::date AND day <= $3::date
      GROUP BY 1, 2 ORDER BY 1, 2`,
    periodParams(params),
  );
  const exact = await exactWhen(
    counted.some((row) => unproven(row.n, row.bits)),
    () =>
      db.query<SumCount>(
        `WITH ${PERIOD_VISITS_CTE}
         SELECT t.theme AS key, cur, count(*)::int AS n, ${PERSONS_SQL} AS p,
                coalesce(sum((answers->>'duree')::int), 0)::int AS part, 0 AS part_p
           FROM pv CROSS JOIN LATERAL jsonb_array_elements_text(pv.answers->'thematiques') AS t(theme)
          WHERE form_id = 'cra-mediation-numerique'
          GROUP BY 1, 2`,
        periodParams(params),
      ),
  );
  const rows = counted.map((row) => ({ ...row, p: personsOf(row.n, exact.get(groupId(row))?.p) }));
  const { current, previous } = both(rows);
  const labels = craThemeLabels();
  const keys = [...new Set(rows.map((row) => row.key ?? ''))].sort(
    (a, b) =>
      (current.find((r) => r.key === b)?.n ?? 0) - (current.find((r) => r.key === a)?.n ?? 0),
  );
  return {
    id: 'digitalThemes',
    title: 'Aide numérique : thématiques',
    rowHeader: 'Thématique',
    columns: [
      { key: 'accompagnements', label: 'Accompagnements', unit: 'count' },
      { key: 'dureeMoyenne', label: 'Durée moyenne', unit: 'minutes' },
    ],
    rows: keys.map((theme) => {
      const cur = current.find((row) => row.key === theme) ?? NONE;
      const prev = previous.find((row) => row.key === theme) ?? NONE;
      return {
        key: theme,
        label: labels.get(theme) ?? theme,
        cells: [personsCell(cur, prev), { value: meanOf(cur), previous: meanOf(prev) }],
      };
    }),
    note: 'Un accompagnement peut porter sur plusieurs thématiques.',
  };
}

/** Digital help (CRA): accompaniments by duration bracket, and overall hours and mean. */
export async function digitalDurationsTable(
  db: Queryable,
  params: PeriodParams,
): Promise<PilotageTable> {
  const cases = (column: string) =>
    DURATION_BRACKETS.map((b) => `WHEN ${column} <= ${b.max} THEN '${b.key}'`).join(' ');
  const counted = await db.query<SumBits>(
    `WITH ${PERIOD_DAYS_CTE},
     cra AS (
       SELECT cur, visits, persons, duree AS d, CASE ${cases('duree')} END AS bracket
         FROM pd WHERE form_id = 'cra-mediation-numerique' AND duree IS NOT NULL
     )
     SELECT bracket AS key, cur, sum(visits)::int AS n, 0 AS p, ${PERSON_BITS_SQL} AS bits,
            sum(d::bigint * visits)::int AS part, 0 AS part_p
       FROM cra GROUP BY GROUPING SETS ((bracket, cur), (cur))`,
    periodParams(params),
  );
  const exact = await exactWhen(
    counted.some((row) => unproven(row.n, row.bits)),
    () =>
      db.query<SumCount>(
        `WITH ${PERIOD_VISITS_CTE},
         cra AS (
           SELECT cur, who, d, CASE ${cases('d')} END AS bracket
             FROM (SELECT cur, who, (answers->>'duree')::int AS d FROM pv
                    WHERE form_id = 'cra-mediation-numerique' AND answers->>'duree' IS NOT NULL) AS x
         )
         SELECT bracket AS key, cur, count(*)::int AS n, ${PERSONS_SQL} AS p, sum(d)::int AS part, 0 AS part_p
           FROM cra GROUP BY GROUPING SETS ((bracket, cur), (cur))`,
        periodParams(params),
      ),
  );
  const rows = counted.map((row) => ({ ...row, p: personsOf(row.n, exact.get(groupId(row))?.p) }));
  const find = (cur: boolean, key: string | null) =>
    rows.find((row) => row.cur === cur && row.key === key) ?? NONE;
  const line = (key: string | null, label: string) => {
    const cur = find(true, key);
    const prev = find(false, key);
    const hours = (r: SumCount) =>
      countOfPersons(r.n, r.p) === null ? null : Math.round((r.part / 60) * 10) / 10;
    return {
      key: key ?? 'ensemble',
      label,
      cells: [
        personsCell(cur, prev),
        { value: hours(cur), previous: hours(prev) },
        { value: meanOf(cur), previous: meanOf(prev) },
      ],
    };
  };
  return {
    id: 'digitalDurations',
    title: 'Aide numérique : durées',
    rowHeader: 'Durée',
    columns: [
      { key: 'accompagnements', label: 'Accompagnements', unit: 'count' },
      { key: 'heures', label: 'Temps total (heures)', unit: 'count' },
      { key: 'dureeMoyenne', label: 'Durée moyenne', unit: 'minutes' },
    ],
    rows: [...DURATION_BRACKETS.map((b) => line(b.key, b.label)), line(null, 'Ensemble')],
  };
}

/** Mean duration of a group, masked with its count of persons. */
function meanOf(r: SumCount): number | null {
  return countOfPersons(r.n, r.p) === null ? null : mean(r.part, r.n);
}

/** The labels of the CRA themes, from the built-in form (the Coop's vocabulary). */
function craThemeLabels(): Map<string, string> {
  const field = allFields(CRA_MEDIATION_NUMERIQUE.sections.flatMap((s) => s.fields)).find(
    (f) => f.id === 'thematiques',
  );
  const choices = field && 'options' in field ? field.options : [];
  return new Map(choices.map((o) => [o.value, o.label]));
}
