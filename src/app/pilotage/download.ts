import { toCsv } from '../../../shared/pilotage/to-csv';
import { toXlsx } from '../../../shared/pilotage/to-xlsx';
import type { PilotageTable } from '../../../shared/pilotage/report';
import type { Periods } from '../../../shared/pilotage/table-grid';

/** A file name from the table and period: `visites-par-mds_2026-01-01_2026-12-31.csv`. */
export function exportFileName(table: PilotageTable, periods: Periods, extension: string): string {
  const slug = table.title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}_${periods.period.from}_${periods.period.to}.${extension}`;
}

/** Saves a table on the computer as CSV or XLSX; built here, nothing is asked of the server. */
export function downloadTable(
  table: PilotageTable,
  periods: Periods,
  format: 'csv' | 'xlsx',
): void {
  const blob =
    format === 'csv'
      ? new Blob([toCsv(table, periods)], { type: 'text/csv;charset=utf-8' })
      : new Blob([toXlsx(table, periods) as Uint8Array<ArrayBuffer>], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(table, periods, format);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // long enough for the browser to save it
}
