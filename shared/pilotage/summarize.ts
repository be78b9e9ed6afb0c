import type { PilotageTable } from './report';

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const shown = (value: number | null): string => (value === null ? 'masqué' : number.format(value));

/**
 * The sum of a column over lines some of which may be masked: "au moins" the shown ones then,
 * "masqué" when all are.
 */
function sumText(values: readonly (number | null)[]): string {
  const seen = values.filter((v): v is number => v !== null);
  const sum = number.format(seen.reduce((a, b) => a + b, 0));
  if (seen.length === values.length) return sum;
  return seen.length === 0 ? 'masqué' : `au moins ${sum}`;
}

/**
 * The text summary of a table, which a chart's reader gets instead of the picture: the total
 * of its first column for the period and the previous one, its highest row, and how many
 * figures are masked (primary or secondary suppression: protect-report.ts). The "Ensemble" row,
 * when the table has one, is the total; else the lines add up, "au moins" when some are masked.
 */
export function summarize(table: PilotageTable): string {
  const column = table.columns[0]!;
  const overall = table.rows.find((row) => row.key === 'ensemble');
  const rows = table.rows.filter((row) => row !== overall);
  const firsts = rows.map((row) => row.cells[0] ?? { value: 0, previous: 0 });
  const total = overall?.cells[0]
    ? { value: shown(overall.cells[0].value), previous: shown(overall.cells[0].previous) }
    : {
        value: sumText(firsts.map((cell) => cell.value)),
        previous: sumText(firsts.map((cell) => cell.previous)),
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
      ? `${table.title} : ${total.value} (${label}) sur la période, contre ${total.previous} sur la période précédente.`
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
