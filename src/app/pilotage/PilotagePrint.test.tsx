import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { PilotageReport, PilotageTable } from '../../../shared/pilotage/report';
import { PilotagePrint } from './PilotagePrint';

function table(id: string, title: string, rows: PilotageTable['rows']): PilotageTable {
  return {
    id,
    title,
    rowHeader: 'Ligne',
    columns: [{ key: 'n', label: 'Visites', unit: 'count' }],
    rows,
  };
}

const empty = (id: string) => table(id, `Tableau ${id}`, []);

const report: PilotageReport = {
  period: { from: '2026-01-01', to: '2026-12-31' },
  previousPeriod: { from: '2025-01-01', to: '2025-12-31' },
  scope: { label: 'Territoire Centre', siteIds: ['mds-41-41018'] },
  choices: { sites: [], territories: ['centre'] },
  tables: {
    personsFollowed: empty('personsFollowed'),
    visitsByMonth: empty('visitsByMonth'),
    visitsBySite: empty('visitsBySite'),
    visitsByProfession: table('visitsByProfession', 'Visites par profession', [
      { key: 'puericultrice', label: 'Puéricultrice', cells: [{ value: 12, previous: 9 }] },
      { key: 'cadre', label: 'Cadre', cells: [{ value: null, previous: 0 }] },
    ]),
    visitsByForm: empty('visitsByForm'),
    visitsByPlace: empty('visitsByPlace'),
    girDistribution: empty('girDistribution'),
    epds: empty('epds'),
    digitalThemes: empty('digitalThemes'),
    digitalDurations: empty('digitalDurations'),
    referrals: empty('referrals'),
    lateTasks: empty('lateTasks'),
    avis: empty('avis'),
  },
};

describe('PilotagePrint', () => {
  it('renders the annual review: scope, period, every table with its summary', () => {
    render(
      <PilotagePrint
        state={{ step: 'ready', report }}
        route={{ name: 'pilotage-print', query: { from: '2026-01-01', to: '2026-12-31' } }}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Bilan annuel des Maisons des Solidarités',
    );
    expect(screen.getByText(/Territoire Centre/).parentElement!.textContent).toContain(
      'du 01/01/2026 au 31/12/2026, comparée à celle du 01/01/2025 au 31/12/2025',
    );
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(13);
    const section = screen.getByRole('region', { name: 'Visites par profession' });
    expect(section.textContent).toContain(
      'Visites par profession : au moins 12 (visites) sur la période, contre 9 sur la période précédente. Valeur la plus élevée : Puéricultrice (12). 1 valeur est masquée (secret statistique : moins de 5 personnes, ou de quoi en retrouver une par différence).',
    );
    const rows = within(section).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'LigneVisites',
      'PériodePériode précédenteÉvolution',
      'Puéricultrice129+3',
      'Cadremasqué0masqué',
    ]);
    expect(screen.getByRole('button', { name: 'Imprimer' })).toBeTruthy();
  });
});
