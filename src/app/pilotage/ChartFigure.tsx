import { useEffect, useRef } from 'preact/hooks';
import type { PilotageSite, PilotageTable } from '../../../shared/pilotage/report';
import { summarize } from '../../../shared/pilotage/summarize';
import type { Periods } from '../../../shared/pilotage/table-grid';
import { DataTable } from './DataTable';
import { downloadTable } from './download';
import { type ChartKind, drawChart } from './draw-chart';

/**
 * One figure of the page: its chart, a text summary, the table of figures as the chart's
 * accessible alternative, and the exports of that table.
 */
export function ChartFigure(props: {
  table: PilotageTable;
  kind: ChartKind;
  periods: Periods;
  sites: readonly PilotageSite[];
}) {
  const { table, kind, periods, sites } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const summary = summarize(table);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = drawChart(canvas.current, table, kind, sites);
    return () => chart.destroy();
  }, [table, kind, sites]);
  const titleId = `figure-${table.id}`;
  return (
    <section class="pilotage-figure" aria-labelledby={titleId} data-figure={table.id}>
      <h2 id={titleId}>{table.title}</h2>
      <p class="figure-summary">{summary}</p>
      <div class={`chart-box chart-${kind}`}>
        <canvas ref={canvas} role="img" aria-label={`Graphique : ${summary}`} />
      </div>
      {kind === 'map' && (
        <p class="hint">
          Chaque disque est une MDS, du plus clair (moins de visites) au plus foncé (plus de
          visites) ; blanc : valeur masquée. Les points gris sont les communes.
        </p>
      )}
      <details class="table-alternative">
        <summary>Tableau de données : {table.title}</summary>
        <DataTable table={table} />
      </details>
      <div class="actions export-actions">
        <button
          type="button"
          class="button-secondary"
          onClick={() => downloadTable(table, periods, 'csv')}
        >
          Exporter en CSV<span class="visually-hidden"> : {table.title}</span>
        </button>
        <button
          type="button"
          class="button-secondary"
          onClick={() => downloadTable(table, periods, 'xlsx')}
        >
          Exporter en XLSX<span class="visually-hidden"> : {table.title}</span>
        </button>
      </div>
    </section>
  );
}
