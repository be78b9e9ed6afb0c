import { CRA_MEDIATION_NUMERIQUE } from '../../../shared/forms/definitions/cra-mediation-numerique';
import { allFields } from '../../../shared/forms/form-walk';
import { countCell, maskCount, mean, percent } from '../../../shared/pilotage/cells';
import { DURATION_BRACKETS } from '../../../shared/pilotage/labels';
import type { Cell, PilotageSite, PilotageTable } from '../../../shared/pilotage/report';
import type { Queryable } from '../db/database';
import {
  type GroupCount,
  PERIOD_VISITS_CTE,
  type PeriodParams,
  periodParams,
  splitByPeriod,
} from './period-visits';

interface SumCount extends GroupCount {
  part: number;
}

const both = <T>(rows: readonly (T & { cur: boolean })[]) => ({
  current: rows.filter((row) => row.cur),
  previous: rows.filter((row) => !row.cur),
});

/**
 * GIR of the AGGIR evaluations: the GIR the medico-social team kept when given, else the one
 * the grid computed; its share of the evaluations with a GIR.
 */
export async function girTable(db: Queryable, params: PeriodParams): Promise<PilotageTable> {
  const rows = await db.query<GroupCount>(
    `WITH ${PERIOD_VISITS_CTE}
     SELECT coalesce(nullif(answers->>'girRetenu', ''), answers->'gir'->>'gir') AS key, cur, count(*)::int AS n
       FROM pv WHERE form_id = 'aggir-evaluation'
      GROUP BY 1, 2`,
    periodParams(params),
  );
  const counts = splitByPeriod(rows.filter((row) => row.key !== null));
  const total = { current: 0, previous: 0 };
  for (const n of counts.values()) {
    total.current += n.current;
    total.previous += n.previous;
  }
  return {
    id: 'girDistribution',
    title: 'Répartition des GIR (évaluations AGGIR)',
    rowHeader: 'GIR',
    columns: [
      { key: 'evaluations', label: 'Évaluations', unit: 'count' },
      { key: 'part', label: 'Part des évaluations', unit: 'percent' },
    ],
    rows: ['1', '2', '3', '4', '5', '6'].map((gir) => {
      const n = counts.get(gir) ?? { current: 0, previous: 0 };
      return {
        key: gir,
        label: `GIR ${gir}`,
        cells: [
          countCell(n.current, n.previous),
          {
            value: percent(n.current, total.current),
            previous: percent(n.previous, total.previous),
          },
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
  const rows = await db.query<SumCount & { site: string | null }>(
    `WITH ${PERIOD_VISITS_CTE}
     SELECT site_id AS key, cur, count(*)::int AS n,
            count(*) FILTER (WHERE (answers->'epdsScore'->>'aboveThreshold')::boolean)::int AS part
       FROM pv WHERE form_id = 'pmi-visite' AND answers->'epdsScore' IS NOT NULL
      GROUP BY GROUPING SETS ((cur, site_id), (cur))`,
    periodParams(params),
  );
  const line = (key: string, label: string, match: (row: SumCount) => boolean) => {
    const cur = rows.find((row) => row.cur && match(row)) ?? { n: 0, part: 0 };
    const prev = rows.find((row) => !row.cur && match(row)) ?? { n: 0, part: 0 };
    return {
      key,
      label,
      cells: [
        countCell(cur.n, prev.n),
        countCell(cur.part, prev.part),
        { value: percent(cur.part, cur.n), previous: percent(prev.part, prev.n) },
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
  const rows = await db.query<SumCount>(
    `WITH ${PERIOD_VISITS_CTE}
     SELECT t.theme AS key, cur, count(*)::int AS n, coalesce(sum((answers->>'duree')::int), 0)::int AS part
       FROM pv CROSS JOIN LATERAL jsonb_array_elements_text(pv.answers->'thematiques') AS t(theme)
      WHERE form_id = 'cra-mediation-numerique'
      GROUP BY 1, 2`,
    periodParams(params),
  );
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
      const cur = current.find((row) => row.key === theme) ?? { n: 0, part: 0 };
      const prev = previous.find((row) => row.key === theme) ?? { n: 0, part: 0 };
      return {
        key: theme,
        label: labels.get(theme) ?? theme,
        cells: [
          countCell(cur.n, prev.n),
          { value: mean(cur.part, cur.n), previous: mean(prev.part, prev.n) },
        ],
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
  const cases = DURATION_BRACKETS.map((b) => `WHEN d <= ${b.max} THEN '${b.key}'`).join(' ');
  const rows = await db.query<SumCount>(
    `WITH ${PERIOD_VISITS_CTE},
     cra AS (
       SELECT cur, d, CASE ${cases} END AS bracket
         FROM (SELECT cur, (answers->>'duree')::int AS d FROM pv
                WHERE form_id = 'cra-mediation-numerique' AND answers->>'duree' IS NOT NULL) AS x
     )
     SELECT bracket AS key, cur, count(*)::int AS n, sum(d)::int AS part
       FROM cra GROUP BY GROUPING SETS ((bracket, cur), (cur))`,
    periodParams(params),
  );
  const find = (cur: boolean, key: string | null) =>
    rows.find((row) => row.cur === cur && row.key === key) ?? { n: 0, part: 0 };
  const line = (key: string | null, label: string) => {
    const cur = find(true, key);
    const prev = find(false, key);
    const hours: Cell = {
      value: maskCount(cur.n) === null ? null : Math.round((cur.part / 60) * 10) / 10,
      previous: maskCount(prev.n) === null ? null : Math.round((prev.part / 60) * 10) / 10,
    };
    return {
      key: key ?? 'ensemble',
      label,
      cells: [
        countCell(cur.n, prev.n),
        hours,
        { value: mean(cur.part, cur.n), previous: mean(prev.part, prev.n) },
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

/** The labels of the CRA themes, from the built-in form (the Coop's vocabulary). */
function craThemeLabels(): Map<string, string> {
  const field = allFields(CRA_MEDIATION_NUMERIQUE.sections.flatMap((s) => s.fields)).find(
    (f) => f.id === 'thematiques',
  );
  const choices = field && 'options' in field ? field.options : [];
  return new Map(choices.map((o) => [o.value, o.label]));
}
