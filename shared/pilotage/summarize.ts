import type { Cell, PilotageTable } from './report';

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const shown = (value: number | null): string => (value === null ? 'masqué' : number.format(value));

/**
 * The text summary of a table, which a chart's reader gets instead of the picture: the total
 * of its first column for the period and the previous one, its highest row, and how many
 * figures are masked (primary or secondary suppression: protect-report.ts). The "Ensemble" row, when the table has one, is the total.
 */
export function summarize(table: PilotageTable): string {
  const column = table.columns[0]!;
  const overall = table.rows.find((row) => row.key === 'ensemble');
  const rows = table.rows.filter((row) => row !== overall);
  const total: Cell = overall?.cells[0] ?? {
    value: rows.reduce((sum, row) => sum + (row.cells[0]?.value ?? 0), 0),
    previous: rows.reduce((sum, row) => sum + (row.cells[0]?.previous ?? 0), 0),
  };
  const masked = table.rows.reduce(
    (n, row) => n + row.cells.filter((cell) => cell.value === null).length,
    0,
  );
  const top = rows
    .filter((row) => (row.cells[0]?.value ?? 0) > 0)
    .sort((a, b) => (b.cells[0]?.value ?? 0) - (a.cells[0]?.value ?? 0))[0];
  const label = column.label.toLowerCase();
  const parts = [
    column.unit === 'count'
      ? `${table.title} : ${shown(total.value)} (${label}) sur la période, contre ${shown(total.previous)} sur la période précédente.`
      : `${table.title}.`,
  ];
  if (top) parts.push(`Valeur la plus élevée : ${top.label} (${shown(top.cells[0]!.value)}).`);
  if (masked > 0) {
    parts.push(
      masked === 1
        ? '1 valeur est masquée (secret statistique : moins de 5 personnes, ou de quoi en retrouver une par différence).'
        : `${masked} valeurs sont masquées (secret statistique : moins de 5 personnes, ou de quoi en retrouver une par différence).`,
    );
  }
  return parts.join(' ');
}
