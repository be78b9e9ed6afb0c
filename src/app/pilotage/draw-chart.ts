import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';
import { communes } from '../../../shared/communes';
import type { PilotageSite, PilotageTable } from '../../../shared/pilotage/report';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  Legend,
);

export type ChartKind = 'bar' | 'line' | 'map';

const CURRENT = '#1d4e89';
const PREVIOUS = '#8a94a6';
/** Loir-et-Cher sits near 47.5° N: a degree of longitude is cos(47.5°) of a degree of latitude. */
const LONGITUDE_SCALE = Math.cos((47.5 * Math.PI) / 180);

/**
 * Draws a table's first column on `canvas` and returns the chart to destroy. Masked cells are
 * left out (a gap), never drawn as zero. No animation: the page is also printed.
 */
export function drawChart(
  canvas: HTMLCanvasElement,
  table: PilotageTable,
  kind: ChartKind,
  sites: readonly PilotageSite[],
): Chart {
  const config = kind === 'map' ? mapConfig(table, sites) : seriesConfig(table, kind);
  return new Chart(canvas, config as ChartConfiguration);
}

function seriesConfig(table: PilotageTable, kind: 'bar' | 'line'): ChartConfiguration {
  const column = table.columns[0]!;
  return {
    type: kind,
    data: {
      labels: table.rows.map((row) => row.label),
      datasets: [
        {
          label: `${column.label} (période)`,
          data: table.rows.map((row) => row.cells[0]?.value ?? null),
          backgroundColor: CURRENT,
          borderColor: CURRENT,
        },
        {
          label: `${column.label} (période précédente)`,
          data: table.rows.map((row) => row.cells[0]?.previous ?? null),
          backgroundColor: PREVIOUS,
          borderColor: PREVIOUS,
          borderDash: kind === 'line' ? [6, 4] : [],
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      indexAxis: kind === 'bar' && table.rows.length > 6 ? 'y' : 'x',
      scales: { y: { beginAtZero: true } },
    },
  };
}

/**
 * The MDS on a map of the département's communes (their centres, in grey), each MDS coloured
 * from light (few) to dark (many) by the table's first column for the period.
 */
function mapConfig(table: PilotageTable, sites: readonly PilotageSite[]): ChartConfiguration {
  const values = new Map(table.rows.map((row) => [row.key, row.cells[0]?.value ?? null]));
  const shown = sites.filter((site) => values.has(site.id));
  const max = Math.max(1, ...shown.map((site) => values.get(site.id) ?? 0));
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: 'MDS',
          data: shown.map((site) => ({ x: site.longitude * LONGITUDE_SCALE, y: site.latitude })),
          pointRadius: 11,
          pointHoverRadius: 13,
          pointBackgroundColor: shown.map((site) => shade(values.get(site.id) ?? null, max)),
          pointBorderColor: '#1b1b1b',
        },
        {
          label: 'Communes',
          data: communes.map((c) => ({ x: c.lon * LONGITUDE_SCALE, y: c.lat })),
          pointRadius: 2,
          pointBackgroundColor: '#c9ced6',
          pointBorderColor: '#c9ced6',
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { display: false }, y: { display: false } },
      plugins: {
        legend: { display: false },
        tooltip: {
          filter: (item) => item.datasetIndex === 0,
          callbacks: {
            label: (item) => {
              const site = shown[item.dataIndex]!;
              const value = values.get(site.id);
              return `${site.name} : ${value === null || value === undefined ? 'masqué' : value}`;
            },
          },
        },
      },
    },
  };
}

/** A blue from light to dark for `value` of `max`; white for a masked MDS. */
function shade(value: number | null, max: number): string {
  if (value === null) return '#ffffff';
  const t = value / max;
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
  return `rgb(${mix(222, 8)}, ${mix(235, 48)}, ${mix(247, 107)})`;
}
