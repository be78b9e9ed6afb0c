import type { ImportReport } from '../../../shared/guide/import-report';

/** The report as text for the command line, in French, one refusal a line. */
export function formatImportReport(report: ImportReport): string {
  const line = (name: string, c: ImportReport['structures']) =>
    `${name} : ${c.accepted} nouveaux, ${c.updated} mis à jour, ${c.unchanged} inchangés, ${c.refused} refusés`;
  return [
    `Import ${report.format.toUpperCase()} terminé.`,
    line('Structures', report.structures),
    line('Services', report.services),
    ...report.refusals.map(
      (r) => `  ligne ${r.line} (${r.kind}${r.id ? ` ${r.id}` : ''}) : ${r.reason}`,
    ),
  ].join('\n');
}
