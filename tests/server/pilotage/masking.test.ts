import { beforeAll, describe, expect, it } from 'vitest';
import { seedBuiltinForms } from '../../../server/src/forms/seed-builtin-forms';
import type { PilotageReport } from '../../../shared/pilotage/report';
import { BLOIS, newSession } from '../support/fixtures';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { fetchReport, insertVisit, seedPilotageDataset } from './pilotage-dataset';

type Period = 'value' | 'previous';
/** What a reader knows of one period: figures by `table/row/column`. */
type Known = Map<string, number>;

/** The figures one answer shows for one of its periods; masked cells are absent. */
function shown(report: PilotageReport, period: Period): Known {
  const months = monthsOf(period === 'value' ? report.period : report.previousPeriod);
  const known: Known = new Map();
  for (const table of Object.values(report.tables)) {
    table.rows.forEach((row, index) => {
      // The previous figures of the month table are the previous period's months, in order.
      const key = table.id === 'visitsByMonth' ? months[index] : row.key;
      row.cells.forEach((cell, c) => {
        const value = cell[period];
        if (key !== undefined && value !== null) {
          known.set(`${table.id}/${key}/${table.columns[c]!.key}`, value);
        }
      });
    });
  }
  return known;
}

function masked(report: PilotageReport, period: Period): string[] {
  const months = monthsOf(period === 'value' ? report.period : report.previousPeriod);
  return Object.values(report.tables).flatMap((table) =>
    table.rows.flatMap((row, index) => {
      const key = table.id === 'visitsByMonth' ? months[index] : row.key;
      return row.cells.flatMap((cell, c) =>
        cell[period] === null && table.columns[c]!.unit === 'count'
          ? [`${table.id}/${key}/${table.columns[c]!.key}`]
          : [],
      );
    }),
  );
}

function monthsOf(period: { from: string; to: string }): string[] {
  const months: string[] = [];
  for (let [y, m] = period.from.split('-').map(Number) as [number, number]; ; m++) {
    if (m > 12) [y, m] = [y + 1, 1];
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > period.to.slice(0, 7)) return months;
    months.push(key);
  }
}

/**
 * A reader who subtracts: from every relation between the figures that the page's own
 * definitions make true, whenever all figures of a relation but one are known, they work the
 * last one out, and again until nothing new comes. The relations, written here from the
 * tables' definitions (not from the server's masking code):
 * - the five visit tables each split the same number of visits (`visits`);
 * - an "Ensemble" line is the sum of the other lines, in each count column;
 * - a share is a count over a total (GIR: over all evaluations; "Mon avis": "oui" over the
 *   answers to the question; EPDS and late tasks: over the line's first count);
 * - the hours of a duration bracket are its count times its mean;
 * - every CRA has a duration (the durations' "Ensemble" is the CRA visits) and every AGGIR
 *   evaluation a GIR (their sum is the AGGIR visits).
 */
function subtract(
  report: PilotageReport,
  period: { from: string; to: string },
  start: Known,
): Known {
  const known = new Map(start);
  const sums: Array<{ total: string; parts: string[] }> = [];
  const keys = (id: keyof PilotageReport['tables']) => [
    ...new Set(
      [...known.keys()]
        .filter((k) => k.startsWith(`${id}/`))
        .map((k) => k.split('/')[1]!)
        .concat(report.tables[id].rows.map((row) => row.key)),
    ),
  ];
  for (const id of [
    'visitsBySite',
    'visitsByProfession',
    'visitsByForm',
    'visitsByPlace',
  ] as const) {
    sums.push({ total: 'visits', parts: keys(id).map((k) => `${id}/${k}/visites`) });
  }
  sums.push({
    total: 'visits',
    parts: monthsOf(period).map((m) => `visitsByMonth/${m}/visites`),
  });
  const withTotal = {
    personsFollowed: ['suivies', 'vues'],
    epds: ['passes', 'audessus'],
    digitalDurations: ['accompagnements'],
    referrals: ['orientations', 'refusees'],
    lateTasks: ['echues', 'retard'],
  } as const;
  for (const [id, columns] of Object.entries(withTotal)) {
    const lines = keys(id as keyof typeof withTotal).filter((k) => k !== 'ensemble');
    for (const column of columns) {
      sums.push({
        total: `${id}/ensemble/${column}`,
        parts: lines.map((k) => `${id}/${k}/${column}`),
      });
    }
  }
  sums.push({
    total: 'gir/total',
    parts: ['1', '2', '3', '4', '5', '6'].map((g) => `girDistribution/${g}/evaluations`),
  });
  for (const question of keys('avis')) {
    sums.push({
      total: `avis/${question}/total`,
      parts: report.tables.avis.columns
        .filter((c) => c.unit === 'count')
        .map((c) => `avis/${question}/${c.key}`),
    });
  }
  sums.push({
    total: 'visitsByForm/cra-mediation-numerique/visites',
    parts: ['digitalDurations/ensemble/accompagnements'],
  });
  sums.push({ total: 'visitsByForm/aggir-evaluation/visites', parts: ['gir/total'] });

  // count = share × total / 100, for each (count, share, total) the page shows.
  const shares: Array<[string, string, string]> = [
    ...['1', '2', '3', '4', '5', '6'].map(
      (g) =>
        [`girDistribution/${g}/evaluations`, `girDistribution/${g}/part`, 'gir/total'] as [
          string,
          string,
          string,
        ],
    ),
    ...keys('avis').map(
      (q) => [`avis/${q}/oui`, `avis/${q}/partOui`, `avis/${q}/total`] as [string, string, string],
    ),
    ...keys('epds').map(
      (k) =>
        [`epds/${k}/audessus`, `epds/${k}/part`, `epds/${k}/passes`] as [string, string, string],
    ),
    ...keys('lateTasks').map(
      (k) =>
        [`lateTasks/${k}/retard`, `lateTasks/${k}/part`, `lateTasks/${k}/echues`] as [
          string,
          string,
          string,
        ],
    ),
  ];
  // hours = count × mean / 60 for each duration line.
  const means = keys('digitalDurations').map(
    (k) =>
      [
        `digitalDurations/${k}/accompagnements`,
        `digitalDurations/${k}/heures`,
        `digitalDurations/${k}/dureeMoyenne`,
      ] as const,
  );

  const learn = (id: string, value: number) => {
    if (known.has(id) || !Number.isFinite(value)) return false;
    known.set(id, Math.round(value));
    return true;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const { total, parts } of sums) {
      const missing = [total, ...parts].filter((id) => !known.has(id));
      if (missing.length !== 1) continue;
      const sum = parts.reduce((s, id) => s + (known.get(id) ?? 0), 0);
      const value = missing[0] === total ? sum : known.get(total)! - sum;
      changed = learn(missing[0]!, value) || changed;
    }
    for (const [count, share, total] of shares) {
      const s = known.get(share);
      if (s === undefined || s === 0) continue;
      if (known.has(count) && !known.has(total))
        changed = learn(total, (known.get(count)! * 100) / s) || changed;
      if (known.has(total) && !known.has(count))
        changed = learn(count, (known.get(total)! * s) / 100) || changed;
    }
    for (const [count, hours, mean] of means) {
      const m = known.get(mean);
      if (m === undefined || m === 0 || known.has(count) || !known.has(hours)) continue;
      changed = learn(count, (known.get(hours)! * 60) / m) || changed;
    }
  }
  return known;
}

/**
 * Secondary suppression (shared/pilotage/protect-report.ts) on the dataset of
 * pilotage-dataset.ts, checked from the outside: whatever the API answers about a period, as
 * the period asked for and as the previous period of the next one, a reader who subtracts gets
 * no masked count back.
 */
describe.each(testDatabases())('no masked count comes back by subtraction on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);
  let firstHalf: PilotageReport;
  let secondHalf2025: PilotageReport;
  let territory: PilotageReport;

  const report = (query: string, token: string) => fetchReport(server(), query, token);

  beforeAll(async () => {
    server().clock.now = new Date('2026-07-01T08:00:00Z');
    await seedBuiltinForms(server().db, server().clock.now);
    await seedPilotageDataset(server());
    // And 2 "visites sociales" at the MDS of Blois in September 2025, masked (2 persons):
    // without more masking, the 7 visits of the social workers minus November's 5 give them.
    const social = (await newSession(server(), [BLOIS], 'travailleur_social')).agent.id;
    for (let i = 0; i < 2; i++) {
      await insertVisit(server().db, {
        author: social,
        siteId: BLOIS,
        formId: 'visite-sociale',
        at: '2025-09-10T09:00:00Z',
        answers: { lieu: 'mds' },
      });
    }
    const cadre = (await newSession(server(), [BLOIS], 'cadre')).token;
    firstHalf = await report(`from=2026-01-01&to=2026-06-30&siteId=${BLOIS}`, cadre);
    secondHalf2025 = await report(`from=2025-07-01&to=2025-12-31&siteId=${BLOIS}`, cadre);
    territory = await report('from=2026-01-01&to=2026-06-30', cadre);
  });

  it('masks a period alike as the period and as the previous one', () => {
    expect(firstHalf.previousPeriod).toEqual(secondHalf2025.period);
    const before = shown(firstHalf, 'previous');
    const asPeriod = shown(secondHalf2025, 'value');
    // Rows only one answer has (a form used in one period only) are zeros in the other.
    const common = [...before.keys()].filter((id) => asPeriod.has(id));
    expect(common.length).toBeGreaterThan(40);
    for (const id of common) expect([id, before.get(id)]).toEqual([id, asPeriod.get(id)]);
    expect(masked(firstHalf, 'previous').sort()).toEqual(masked(secondHalf2025, 'value').sort());
  });

  it('gives no masked count of the first half of 2026 back, though it gives back the visits', () => {
    const known = subtract(firstHalf, firstHalf.period, shown(firstHalf, 'value'));
    // The reader does subtract: the 34 visits are the sum of the professions, shown nowhere.
    expect(known.get('visits')).toBe(34);
    const hidden = masked(firstHalf, 'value');
    expect(hidden).toContain('visitsByMonth/2026-03/visites');
    expect(hidden.filter((id) => known.has(id))).toEqual([]);
  });

  it('gives no masked count back from the answer for the cadre’s territory', () => {
    // Centre: Blois, Mer (2 CRA, masked), Bracieux (6 visits of one person, masked) and a
    // fourth MDS without visits; "Ensemble" lines over the four.
    expect(territory.scope.siteIds).toHaveLength(4);
    const known = subtract(territory, territory.period, shown(territory, 'value'));
    expect(known.get('visits')).toBe(42);
    const hidden = masked(territory, 'value');
    expect(hidden).toEqual(
      expect.arrayContaining([
        'visitsBySite/mds-41-41136/visites',
        'visitsBySite/mds-41-41025/visites',
      ]),
    );
    expect(hidden.filter((id) => known.has(id))).toEqual([]);
  });

  it('gives no masked count of the second half of 2025 back from both answers together', () => {
    const both = new Map([...shown(firstHalf, 'previous'), ...shown(secondHalf2025, 'value')]);
    const known = subtract(secondHalf2025, secondHalf2025.period, both);
    expect(known.get('visits')).toBe(7);
    const hidden = [
      ...new Set([...masked(firstHalf, 'previous'), ...masked(secondHalf2025, 'value')]),
    ];
    expect(hidden).toContain('visitsByMonth/2025-09/visites');
    expect(hidden.filter((id) => known.has(id))).toEqual([]);
  });
});
