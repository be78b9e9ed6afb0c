import { change } from './cells';
import type { Column, PilotageTable } from './report';

/** What a masked cell says in tables and exports. */
export const MASKED_TEXT = 'masqué';

const UNIT_SUFFIX: Record<Column['unit'], string> = {
  count: '',
  percent: ' (%)',
  minutes: ' (min)',
  days: ' (jours)',
};

/** "2026-01-31" → "31/01/2026". */
export function frenchDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

export interface Periods {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
}

/**
 * A table as the rows of a spreadsheet: a header line, then one line per row, each column of
 * the table giving three: the period, the previous period, the change. Numbers stay numbers
 * (formatted by each export), masked cells are null.
 */
export function tableGrid(
  table: PilotageTable,
  periods: Periods,
): { header: string[]; rows: Array<Array<string | number | null>> } {
  const now = `${frenchDate(periods.period.from)}–${frenchDate(periods.period.to)}`;
  const before = `${frenchDate(periods.previousPeriod.from)}–${frenchDate(periods.previousPeriod.to)}`;
  const header = [
    table.rowHeader,
    ...table.columns.flatMap((column) => {
      const name = `${column.label}${UNIT_SUFFIX[column.unit]}`;
      return [`${name} ${now}`, `${name} ${before}`, `${name} évolution`];
    }),
  ];
  const rows = table.rows.map((row) => [
    row.label,
    ...row.cells.flatMap((cell) => [cell.value, cell.previous, change(cell)]),
  ]);
  return { header, rows };
}
