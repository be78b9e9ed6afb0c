import { describe, expect, it } from 'vitest';
import { protectReport } from './protect-report';
import type { Cell, Column, PilotageReport, PilotageTable } from './report';

type Tables = PilotageReport['tables'];

const count = (key: string): Column => ({ key, label: key, unit: 'count' });
const share = (key: string): Column => ({ key, label: key, unit: 'percent' });

/** A table whose rows are `{ key: [[value, previous], …] }`, one pair per column. */
function table(
  id: keyof Tables,
  columns: Column[],
  rows: Record<string, Array<[number | null, number | null]>> = {},
): PilotageTable {
  return {
    id,
    title: id,
    rowHeader: 'Ligne',
    columns,
    rows: Object.entries(rows).map(([key, cells]) => ({
      key,
      label: key,
      cells: cells.map(([value, previous]): Cell => ({ value, previous })),
    })),
  };
}

const visits = [count('visites')];

function report(tables: Partial<Tables>, period = { from: '2026-01-01', to: '2026-06-30' }) {
  const all: Tables = {
    personsFollowed: table('personsFollowed', [count('suivies'), count('vues')]),
    visitsByMonth: table('visitsByMonth', visits),
    visitsBySite: table('visitsBySite', visits),
    visitsByProfession: table('visitsByProfession', visits),
    visitsByForm: table('visitsByForm', visits),
    visitsByPlace: table('visitsByPlace', visits),
    girDistribution: table('girDistribution', [count('evaluations'), share('part')]),
    epds: table('epds', [count('passes'), count('audessus'), share('part')]),
    digitalThemes: table('digitalThemes', [count('accompagnements')]),
    digitalDurations: table('digitalDurations', [
      count('accompagnements'),
      count('heures'),
      { key: 'dureeMoyenne', label: 'Durée', unit: 'minutes' },
    ]),
    referrals: table('referrals', [count('orientations'), count('refusees')]),
    lateTasks: table('lateTasks', [count('echues'), count('retard'), share('part')]),
    avis: table('avis', [count('oui'), count('moyen'), count('non'), share('partOui')]),
    ...tables,
  };
  const previous =
    period.from === '2026-01-01'
      ? { from: '2025-07-01', to: '2025-12-31' }
      : { from: '2026-01-30', to: '2026-02-28' };
  return {
    period,
    previousPeriod: previous,
    scope: { label: 'MDS', siteIds: ['mds-41-41018'] },
    choices: { sites: [], territories: [] },
    tables: all,
  } satisfies PilotageReport;
}

/** A table as `{ row: [value, previous, value, previous…] }`. */
const figures = (t: PilotageTable) =>
  Object.fromEntries(t.rows.map((r) => [r.key, r.cells.flatMap((c) => [c.value, c.previous])]));

describe('protectReport', () => {
  it('masks a second place when the MDS table gives the visits, each period on its own', () => {
    // Period: 40 visits (the one MDS), places 20 + 12 + 6 + masked 2: the MDS minus the shown
    // places gives 2, so the smallest other place (6) is masked. Previous period: 30 visits,
    // places 25 + 5 + 0 + 0, nothing masked, nothing more.
    const protectedReport = protectReport(
      report({
        visitsBySite: table('visitsBySite', visits, { blois: [[40, 30]] }),
        visitsByPlace: table('visitsByPlace', visits, {
          domicile: [[20, 25]],
          accueil: [[12, 5]],
          autre: [[6, 0]],
          inconnu: [[null, 0]],
        }),
      }),
    );
    expect(figures(protectedReport.tables.visitsByPlace)).toEqual({
      domicile: [20, 25],
      accueil: [12, 5],
      autre: [null, 0],
      inconnu: [null, 0],
    });
    expect(figures(protectedReport.tables.visitsBySite)).toEqual({ blois: [40, 30] });
  });

  it('masks in the previous period too, so the change against a masked figure is not shown', () => {
    // Previous period: MDS A 3 (masked), B 9, C 8, Ensemble 20: Ensemble − B − C gives A back,
    // so the smallest other line, C (8), is masked in the previous period only, with its share.
    const protectedReport = protectReport(
      report({
        lateTasks: table('lateTasks', [count('echues'), count('retard'), share('part')], {
          a: [
            [10, null],
            [0, 0],
            [0, null],
          ],
          b: [
            [10, 9],
            [0, 0],
            [0, 0],
          ],
          c: [
            [10, 8],
            [0, 0],
            [0, 0],
          ],
          ensemble: [
            [30, 20],
            [0, 0],
            [0, 0],
          ],
        }),
      }),
    );
    expect(figures(protectedReport.tables.lateTasks)).toEqual({
      a: [10, null, 0, 0, 0, null],
      b: [10, 9, 0, 0, 0, 0],
      c: [10, null, 0, 0, 0, null],
      ensemble: [30, 20, 0, 0, 0, 0],
    });
  });

  it('masks the shares and means of a line whose count is masked as a complement', () => {
    // EPDS above the threshold: A 2 (masked), B 6, Ensemble 8: B is masked, and its share.
    // "Mon avis": 3 "non" masked; the share of "oui" (90 %) gives the 30 answers, so "oui"
    // (27) is masked, and the share with it.
    const protectedReport = protectReport(
      report({
        epds: table('epds', [count('passes'), count('audessus'), share('part')], {
          a: [
            [10, 0],
            [null, 0],
            [null, null],
          ],
          b: [
            [10, 0],
            [6, 0],
            [60, null],
          ],
          ensemble: [
            [20, 0],
            [8, 0],
            [40, null],
          ],
        }),
        avis: table('avis', [count('oui'), count('moyen'), count('non'), share('partOui')], {
          accueil: [
            [27, 0],
            [0, 0],
            [null, 0],
            [90, null],
          ],
        }),
      }),
    );
    expect(figures(protectedReport.tables.epds)).toEqual({
      a: [10, 0, null, 0, null, null],
      b: [10, 0, null, 0, null, null],
      ensemble: [20, 0, 8, 0, 40, null],
    });
    expect(figures(protectedReport.tables.avis)).toEqual({
      accueil: [null, 0, 0, 0, null, 0, null, null],
    });
  });

  it('masks the CRA visits with the durations’ total, the same figure', () => {
    // Forms: AGGIR 3 (masked) and CRA 7 of 30 visits (MDS): CRA is masked as the smallest
    // other form, and the durations' total, which is the CRA visits, with its hours and mean.
    const protectedReport = protectReport(
      report({
        visitsBySite: table('visitsBySite', visits, { blois: [[30, 0]] }),
        girDistribution: table('girDistribution', [count('evaluations'), share('part')], {
          '4': [
            [null, 0],
            [null, null],
          ],
        }),
        visitsByForm: table('visitsByForm', visits, {
          'aggir-evaluation': [[null, 0]],
          'cra-mediation-numerique': [[7, 0]],
          'visite-sociale': [[20, 0]],
        }),
        digitalDurations: table(
          'digitalDurations',
          [
            count('accompagnements'),
            count('heures'),
            { key: 'dureeMoyenne', label: 'Durée', unit: 'minutes' },
          ],
          {
            d30: [
              [7, 0],
              [3.5, 0],
              [30, null],
            ],
            ensemble: [
              [7, 0],
              [3.5, 0],
              [30, null],
            ],
          },
        ),
      }),
    );
    expect(figures(protectedReport.tables.visitsByForm)).toEqual({
      'aggir-evaluation': [null, 0],
      'cra-mediation-numerique': [null, 0],
      'visite-sociale': [20, 0],
    });
    expect(figures(protectedReport.tables.digitalDurations)).toEqual({
      d30: [null, 0, null, 0, null, null],
      ensemble: [null, 0, null, 0, null, null],
    });
  });

  it('does not sum the previous months when the page shows only some of them', () => {
    // 1–30 March 2026 (one month) against 30 January–28 February (two months, January's shown
    // on the only line): a masked January is not the visits minus the other shown months.
    const protectedReport = protectReport(
      report(
        {
          visitsBySite: table('visitsBySite', visits, { blois: [[12, 9]] }),
          visitsByMonth: table('visitsByMonth', visits, { '2026-03': [[12, null]] }),
        },
        { from: '2026-03-01', to: '2026-03-30' },
      ),
    );
    expect(figures(protectedReport.tables.visitsByMonth)).toEqual({ '2026-03': [12, null] });
    expect(figures(protectedReport.tables.visitsBySite)).toEqual({ blois: [12, 9] });
  });
});
