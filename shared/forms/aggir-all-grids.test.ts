import { describe, expect, it } from 'vitest';
import {
  ALL_GRIDS,
  grid,
  literalAnnexe22,
  publishedGirOfRank,
} from '../../tests/support/aggir-published';
import { computeGir, type AggirModality } from './aggir';

/** computeGir over every grid of the eight weighted variables, against aggir.md's text. */

function rankOf(letters: string): number {
  return computeGir(grid(letters)).rank;
}

describe('computeGir: all 3^8 = 6561 grids', () => {
  it('always gives a GIR in 1..6 and a rank in 1..13 that follows the rank → GIR table', () => {
    expect(ALL_GRIDS).toHaveLength(6561);
    for (const letters of ALL_GRIDS) {
      const { gir, rank } = computeGir(grid(letters));
      expect(rank).toBeGreaterThanOrEqual(1);
      expect(rank).toBeLessThanOrEqual(13);
      expect(gir).toBeGreaterThanOrEqual(1);
      expect(gir).toBeLessThanOrEqual(6);
      expect(gir).toBe(publishedGirOfRank(rank));
    }
  });

  it('agrees with Annexe 2-2 written out threshold by threshold', () => {
    const differences = ALL_GRIDS.filter((letters) => {
      const result = computeGir(grid(letters));
      const expected = literalAnnexe22(grid(letters));
      return result.rank !== expected.rank || result.group !== expected.group;
    });
    expect(differences).toEqual([]);
  });

  // Monotonicity holds for cohérence … élimination and for transferts from A, but not for
  // transferts B → C (group H) nor déplacement intérieur from A (group B): see the oddities.
  const worsen = (letters: string, index: number, to: AggirModality) =>
    letters.slice(0, index) + to + letters.slice(index + 1);
  const steps: [from: AggirModality, to: AggirModality][] = [
    ['A', 'B'],
    ['B', 'C'],
    ['A', 'C'],
  ];

  it('never gives a less severe rank when cohérence … élimination gets worse', () => {
    for (const letters of ALL_GRIDS) {
      for (let index = 0; index < 6; index++) {
        for (const [from, to] of steps) {
          if (letters[index] !== from) continue;
          expect(rankOf(worsen(letters, index, to))).toBeLessThanOrEqual(rankOf(letters));
        }
      }
    }
  });

  it('never gives a less severe rank when transferts goes from A to B or C', () => {
    for (const letters of ALL_GRIDS.filter((l) => l[6] === 'A')) {
      expect(rankOf(worsen(letters, 6, 'B'))).toBeLessThanOrEqual(rankOf(letters));
      expect(rankOf(worsen(letters, 6, 'C'))).toBeLessThanOrEqual(rankOf(letters));
    }
  });

  it('never gives a less severe GIR when déplacement intérieur goes from B to C', () => {
    for (const letters of ALL_GRIDS.filter((l) => l[7] === 'B')) {
      expect(computeGir(grid(worsen(letters, 7, 'C'))).gir).toBeLessThanOrEqual(
        computeGir(grid(letters)).gir,
      );
    }
  });
});
