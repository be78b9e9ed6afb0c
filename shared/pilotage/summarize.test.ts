import { describe, expect, it } from 'vitest';
import type { PilotageTable } from './report';
import { summarize } from './summarize';

const table = (cells: Array<[number | null, number | null]>): PilotageTable => ({
  id: 'visitsByPlace',
  title: 'Visites par lieu',
  rowHeader: 'Lieu',
  columns: [{ key: 'visites', label: 'Visites', unit: 'count' }],
  rows: cells.map(([value, previous], index) => ({
    key: `l${index}`,
    label: `Lieu ${index + 1}`,
    cells: [{ value, previous }],
  })),
});

describe('summarize', () => {
  it('adds the lines up, "au moins" the shown ones when some are masked', () => {
    expect(
      summarize(
        table([
          [20, 7],
          [null, 8],
          [6, 0],
        ]),
      ),
    ).toBe(
      'Visites par lieu : au moins 26 (visites) sur la période, contre 15 sur la période précédente. Valeur la plus élevée : Lieu 1 (20). 1 valeur est masquée (secret statistique : moins de 5 personnes, ou de quoi en retrouver une par différence).',
    );
  });

  it('says "masqué" when every line is', () => {
    expect(
      summarize(
        table([
          [null, 0],
          [null, 0],
        ]),
      ),
    ).toBe(
      'Visites par lieu : masqué (visites) sur la période, contre 0 sur la période précédente. 2 valeurs sont masquées (secret statistique : moins de 5 personnes, ou de quoi en retrouver une par différence).',
    );
  });
});
