import type { PilotageTable } from './report';
import { MASKED_TEXT, type Periods, tableGrid } from './table-grid';

/** Byte order mark: spreadsheet software then reads the file as UTF-8, accents included. */
const BOM = '\uFEFF';

/** A French number: decimal comma, no thousands separator (it would be read as text). */
export function frenchNumber(value: number): string {
  return String(value).replace('.', ',');
}

function field(value: string | number | null): string {
  if (value === null) return MASKED_TEXT;
  if (typeof value === 'number') return frenchNumber(value);
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A table as CSV the way French spreadsheet software opens it by default: `;` between fields,
 * decimal commas, UTF-8 with a BOM, CRLF line ends. Masked cells read "masqué".
 */
export function toCsv(table: PilotageTable, periods: Periods): string {
  const { header, rows } = tableGrid(table, periods);
  return BOM + [header, ...rows].map((line) => line.map(field).join(';')).join('\r\n') + '\r\n';
}
