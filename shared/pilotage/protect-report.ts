import type { Cell, PilotageReport, PilotageTable } from './report';
import { type AuditCell, type AuditSum, suppress } from './suppression';

type Period = 'value' | 'previous';
type Tables = PilotageReport['tables'];

/** A figure shown only through percentages: never smaller than a count, so chosen last. */
const THROUGH_SHARES = Number.MAX_SAFE_INTEGER;

const TOTAL_ROW = 'ensemble';

/** The tables whose rows each show a total of all visits of the period. */
const VISIT_TABLES = [
  'visitsBySite',
  'visitsByProfession',
  'visitsByForm',
  'visitsByPlace',
  'visitsByMonth',
] as const;

/** Tables with an "Ensemble" line that is the sum of the other lines, column by column. */
const COLUMN_TOTALS: ReadonlyArray<{ table: keyof Tables; columns: readonly string[] }> = [
  { table: 'personsFollowed', columns: ['suivies', 'vues'] },
  { table: 'epds', columns: ['passes', 'audessus'] },
  { table: 'digitalDurations', columns: ['accompagnements', 'heures'] },
  { table: 'referrals', columns: ['orientations', 'refusees'] },
  { table: 'lateTasks', columns: ['echues', 'retard'] },
];

const cellId = (table: string, row: string, column: string) => `${table}/${row}/${column}`;

/**
 * Figures computed from counts: hidden when one of those is, as the means and shares would
 * give the hidden count back from the shown ones. `from` names the cells of a line's figure.
 */
const DERIVED: ReadonlyArray<{
  table: keyof Tables;
  column: string;
  from: (row: string) => string[];
}> = [
  {
    table: 'epds',
    column: 'part',
    from: (row) => [cellId('epds', row, 'passes'), cellId('epds', row, 'audessus')],
  },
  {
    table: 'digitalDurations',
    column: 'dureeMoyenne',
    from: (row) => [cellId('digitalDurations', row, 'accompagnements')],
  },
  {
    table: 'lateTasks',
    column: 'part',
    from: (row) => [cellId('lateTasks', row, 'echues'), cellId('lateTasks', row, 'retard')],
  },
  {
    table: 'girDistribution',
    column: 'part',
    from: (row) => [
      cellId('girDistribution', row, 'evaluations'),
      cellId('girDistribution', TOTAL_ROW, 'total'),
    ],
  },
  {
    table: 'avis',
    column: 'partOui',
    from: (row) => [cellId('avis', row, 'oui'), cellId('avis', row, 'total')],
  },
];

/**
 * Masks, in each period of the report on its own, the cells that would let a masked count be
 * recovered by subtraction (suppression.ts): within a table (lines and their "Ensemble"),
 * across the five visit tables, which all add up to the same number of visits, and between the
 * tables that show the same total (the CRA visits and the digital-help durations, the AGGIR
 * visits and the GIR distribution). Each period is audited from its own figures only, so a
 * period masks the same cells whether it is asked as the period or as the previous one; the
 * change from the previous period is shown only when both figures are.
 */
export function protectReport(report: PilotageReport): PilotageReport {
  const tables = structuredClone(report.tables);
  for (const period of ['value', 'previous'] as const) {
    const months = monthCount(period === 'value' ? report.period : report.previousPeriod);
    const { cells, sums } = auditModel(tables, period, months);
    const hidden = suppress(cells, sums);
    for (const table of Object.values(tables)) {
      for (const row of table.rows) {
        row.cells.forEach((cell, index) => {
          const column = table.columns[index]!.key;
          if (hidden.has(cellId(table.id, row.key, column))) cell[period] = null;
        });
      }
    }
    hideDerived(tables, period, hidden);
  }
  return { ...report, tables };
}

function auditModel(
  tables: Tables,
  period: Period,
  months: number,
): { cells: AuditCell[]; sums: AuditSum[] } {
  const cells: AuditCell[] = [];
  const sums: AuditSum[] = [];
  const countCells = (table: PilotageTable, column: string, link?: (row: string) => string) => {
    const index = table.columns.findIndex((c) => c.key === column);
    return table.rows.map((row) => {
      const cell: AuditCell = {
        id: cellId(table.id, row.key, column),
        value: (row.cells[index] as Cell)[period],
      };
      if (link) cell.link = link(row.key);
      cells.push(cell);
      return cell.id;
    });
  };

  // The visits of the period, a figure of its own: each visit table splits it.
  const allVisits = 'visits/total';
  cells.push({ id: allVisits, value: null, published: false });
  for (const id of VISIT_TABLES) {
    const table = tables[id];
    const parts = countCells(table, 'visites');
    // The previous period's months are shown as far as the period has months: summed only
    // when all of them are there.
    if (id !== 'visitsByMonth' || months <= parts.length) sums.push({ total: allVisits, parts });
  }

  for (const { table: id, columns } of COLUMN_TOTALS) {
    const table = tables[id];
    if (!table.rows.some((row) => row.key === TOTAL_ROW)) continue;
    for (const column of columns) {
      const link = id === 'digitalDurations' ? (row: string) => `${id}/${row}` : undefined;
      const ids = countCells(table, column, link);
      const total = cellId(id, TOTAL_ROW, column);
      sums.push({ total, parts: ids.filter((cell) => cell !== total) });
    }
  }

  // GIR and "Mon avis": no total line, but a share of the total is shown beside each count,
  // so the total is known as soon as one share of a shown non-zero count is.
  const gir = tables.girDistribution;
  const girParts = countCells(gir, 'evaluations');
  const girTotal = cellId(gir.id, TOTAL_ROW, 'total');
  const girColumn = (key: string) => gir.columns.findIndex((c) => c.key === key);
  cells.push(
    throughShares(girTotal, gir.rows, period, girColumn('evaluations'), girColumn('part')),
  );
  sums.push({ total: girTotal, parts: girParts });

  const avis = tables.avis;
  const answers = avis.columns.filter((c) => c.unit === 'count').map((c) => c.key);
  const share = avis.columns.findIndex((c) => c.key === 'partOui');
  const yes = avis.columns.findIndex((c) => c.key === 'oui');
  const answerCells = answers.map((column) => countCells(avis, column));
  avis.rows.forEach((row, rowIndex) => {
    const total = cellId(avis.id, row.key, 'total');
    cells.push(throughShares(total, [row], period, yes, share));
    sums.push({ total, parts: answerCells.map((column) => column[rowIndex]!) });
  });

  // The same totals in two tables, by the forms' own rules: every CRA has a duration (a
  // required field), every AGGIR evaluation a GIR.
  const formCell = (form: string) =>
    tables.visitsByForm.rows.some((row) => row.key === form)
      ? cellId('visitsByForm', form, 'visites')
      : undefined;
  const cra = formCell('cra-mediation-numerique');
  if (cra && tables.digitalDurations.rows.some((row) => row.key === TOTAL_ROW))
    sums.push({ total: cra, parts: [cellId('digitalDurations', TOTAL_ROW, 'accompagnements')] });
  const aggir = formCell('aggir-evaluation');
  if (aggir) sums.push({ total: aggir, parts: [girTotal] });

  return { cells, sums };
}

/**
 * A total shown through the shares of these rows (count at `count`, share at `share`); not
 * published when no share gives it: every share is masked, or of a count of zero.
 */
function throughShares(
  id: string,
  rows: PilotageTable['rows'],
  period: Period,
  count: number,
  share: number,
): AuditCell {
  const shown = rows.some((row) => {
    const n = row.cells[count]?.[period];
    return n !== null && n !== undefined && n > 0 && row.cells[share]?.[period] != null;
  });
  return shown ? { id, value: THROUGH_SHARES } : { id, value: null, published: false };
}

function hideDerived(tables: Tables, period: Period, hidden: ReadonlySet<string>) {
  for (const { table: id, column, from } of DERIVED) {
    const table = tables[id];
    const index = table.columns.findIndex((c) => c.key === column);
    for (const row of table.rows) {
      if (from(row.key).some((cell) => hidden.has(cell))) row.cells[index]![period] = null;
    }
  }
}

/** How many calendar months a period touches. */
function monthCount(period: { from: string; to: string }): number {
  const [fromYear, fromMonth] = period.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = period.to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + toMonth - fromMonth + 1;
}
