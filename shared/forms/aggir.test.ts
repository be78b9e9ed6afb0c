import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ALL_GRIDS,
  grid,
  GROUPS,
  ORDER,
  PUBLISHED,
  publishedGirOfRank,
  publishedSum,
} from '../../tests/support/aggir-published';
import { computeGir, isCompleteAggirGrid } from './aggir';
import type {
  AggirGridDraft,
  AggirGroup,
  AggirModality,
  AggirResult,
  AggirWeightedVariable,
} from './aggir';
import { AGGIR_GROUP_TABLES, GIR_BY_RANK } from './aggir-tables';

/** The expected values come from aggir.md, written out in tests/support/aggir-published.ts. */

describe('AGGIR tables', () => {
  it('hold the coefficients of aggir.md, group by group', () => {
    expect(AGGIR_GROUP_TABLES.map((table) => table.group)).toEqual([...GROUPS]);
    for (const [column, table] of AGGIR_GROUP_TABLES.entries()) {
      for (const variable of ORDER) {
        const [ifC, ifB] = PUBLISHED[variable][column] ?? [];
        expect(table.coefficients[variable], `${variable} in group ${table.group}`).toEqual({
          C: ifC,
          B: ifB,
        });
      }
    }
  });

  it('hold the thresholds and the rank → GIR table of aggir.md', () => {
    // prettier-ignore
    expect(AGGIR_GROUP_TABLES.map((table) => table.thresholds.map((t) => [t.minSum, t.rank]))).toEqual([
      [[4380, 1], [4140, 2], [3390, 3]],
      [[2016, 4]],
      [[1700, 5], [1432, 6]],
      [[2400, 7]],
      [[1200, 8]],
      [[800, 9]],
      [[650, 10]],
      [[4000, 11], [2000, 12], [Number.NEGATIVE_INFINITY, 13]],
    ]);
    for (let rank = 1; rank <= 13; rank++) {
      expect(GIR_BY_RANK[rank as keyof typeof GIR_BY_RANK]).toBe(publishedGirOfRank(rank));
    }
  });
});

describe('computeGir: sanity values of aggir.md', () => {
  it('gives GIR 6, rank 13, group H with S = 0 when everything is A', () => {
    expect(publishedSum(grid('AAAAAAAA'), 'H')).toBe(0);
    expect(computeGir(grid('AAAAAAAA'))).toEqual({ gir: 6, rank: 13, group: 'H' });
  });

  it('gives GIR 1, rank 1, group A with S = 4440 when everything is C', () => {
    expect(publishedSum(grid('CCCCCCCC'), 'A')).toBe(4440);
    expect(computeGir(grid('CCCCCCCC'))).toEqual({ gir: 1, rank: 1, group: 'A' });
  });

  it('gives GIR 4, rank 10, group G with S = 1100 when everything is B', () => {
    expect(publishedSum(grid('BBBBBBBB'), 'G')).toBe(1100);
    expect(computeGir(grid('BBBBBBBB'))).toEqual({ gir: 4, rank: 10, group: 'G' });
  });

  it('gives rank 4, GIR 2 for cohérence C and orientation C, the rest A (A = 3200, B = 2700)', () => {
    const values = grid('CCAAAAAA');
    expect(publishedSum(values, 'A')).toBe(3200);
    expect(publishedSum(values, 'B')).toBe(2700);
    expect(computeGir(values)).toEqual({ gir: 2, rank: 4, group: 'B' });
  });
});

describe('computeGir: every threshold of Annexe 2-2', () => {
  // "at": a grid reaching this group whose sum is exactly the threshold. "below": a grid
  // reaching this group with the nearest sum under it, which must go to the next rank.
  // prettier-ignore
  const cases: {
    group: AggirGroup;
    threshold: number;
    at: { grid: string; sum: number; rank: number };
    below: { grid: string; sum: number; result: { rank: number; group: AggirGroup } };
  }[] = [
    { group: 'A', threshold: 4380, at: { grid: 'CCCCACCC', sum: 4380, rank: 1 }, below: { grid: 'CCABCCCC', sum: 4376, result: { rank: 2, group: 'A' } } },
    { group: 'A', threshold: 4140, at: { grid: 'CCACACCA', sum: 4140, rank: 2 }, below: { grid: 'CCABBCCA', sum: 4136, result: { rank: 3, group: 'A' } } },
    // No grid sums to exactly 3390 in group A (see the next test): 3392 is the nearest above.
    { group: 'A', threshold: 3390, at: { grid: 'CCAACCAB', sum: 3392, rank: 3 }, below: { grid: 'CCAABBBB', sum: 3388, result: { rank: 4, group: 'B' } } },
    { group: 'B', threshold: 2016, at: { grid: 'ACAAABCA', sum: 2016, rank: 4 }, below: { grid: 'ACABCBCC', sum: 2012, result: { rank: 6, group: 'C' } } },
    { group: 'C', threshold: 1700, at: { grid: 'AACCCCCC', sum: 1700, rank: 5 }, below: { grid: 'AABCCCCC', sum: 1676, result: { rank: 6, group: 'C' } } },
    { group: 'C', threshold: 1432, at: { grid: 'AABBAACC', sum: 1432, rank: 6 }, below: { grid: 'AAAAABCC', sum: 1420, result: { rank: 7, group: 'D' } } },
    { group: 'D', threshold: 2400, at: { grid: 'AAAAACCA', sum: 2400, rank: 7 }, below: { grid: 'AAAAAACC', sum: 2200, result: { rank: 12, group: 'H' } } },
    { group: 'E', threshold: 1200, at: { grid: 'AAACAACA', sum: 1200, rank: 8 }, below: { grid: 'AAAAACBC', sum: 1100, result: { rank: 9, group: 'F' } } },
    { group: 'F', threshold: 800, at: { grid: 'AAAAACBC', sum: 800, rank: 9 }, below: { grid: 'AAAAAACC', sum: 700, result: { rank: 12, group: 'H' } } },
    { group: 'G', threshold: 650, at: { grid: 'ACAACAAA', sum: 650, rank: 10 }, below: { grid: 'AAAAAACC', sum: 600, result: { rank: 12, group: 'H' } } },
    { group: 'H', threshold: 4000, at: { grid: 'AAAAABBA', sum: 4000, rank: 11 }, below: { grid: 'AAAAACAA', sum: 3000, result: { rank: 12, group: 'H' } } },
    { group: 'H', threshold: 2000, at: { grid: 'AAAAAABA', sum: 2000, rank: 12 }, below: { grid: 'AAAAAAAB', sum: 1000, result: { rank: 13, group: 'H' } } },
  ];

  it.each(cases)(
    'group $group, S ≥ $threshold: rank $at.rank at the threshold',
    ({ group, threshold, at }) => {
      expect(publishedSum(grid(at.grid), group)).toBe(at.sum);
      expect(at.sum).toBeGreaterThanOrEqual(threshold);
      expect(computeGir(grid(at.grid))).toEqual({
        gir: publishedGirOfRank(at.rank),
        rank: at.rank,
        group,
      });
    },
  );

  it.each(cases)(
    'group $group, S < $threshold: goes on to rank $below.result.rank',
    ({ group, threshold, below }) => {
      expect(publishedSum(grid(below.grid), group)).toBe(below.sum);
      expect(below.sum).toBeLessThan(threshold);
      expect(computeGir(grid(below.grid))).toEqual({
        gir: publishedGirOfRank(below.result.rank),
        ...below.result,
      });
    },
  );

  it('has no grid whose group A sum is exactly 3390, so 3392 and 3388 frame that threshold', () => {
    const sums = new Set(ALL_GRIDS.map((letters) => publishedSum(grid(letters), 'A')));
    expect(sums.has(3390)).toBe(false);
    expect(sums.has(3392)).toBe(true);
    expect(sums.has(3388)).toBe(true);
  });
});

describe('computeGir: oddities of the published tables, kept as published', () => {
  it('lowers the group B sum for déplacement intérieur B (−40) and C (−80)', () => {
    expect(publishedSum(grid('ACAAABCA'), 'B')).toBe(2016);
    expect(publishedSum(grid('ACAAABCB'), 'B')).toBe(1976);
    expect(publishedSum(grid('ACAAABCC'), 'B')).toBe(1936);
    expect(computeGir(grid('ACAAABCA'))).toEqual({ gir: 2, rank: 4, group: 'B' });
    // The same person, more dependent inside, falls out of group B to a less severe GIR.
    expect(computeGir(grid('ACAAABCB'))).toEqual({ gir: 3, rank: 8, group: 'E' });
    expect(computeGir(grid('ACAAABCC'))).toEqual({ gir: 2, rank: 7, group: 'D' });
  });

  it('counts transferts B (2000) above transferts C (1000) in group H', () => {
    expect(computeGir(grid('AAAAAABA'))).toEqual({ gir: 5, rank: 12, group: 'H' });
    expect(computeGir(grid('AAAAAACA'))).toEqual({ gir: 6, rank: 13, group: 'H' });
  });
});

describe('computeGir: variables 9 and 10 (coefficient 0)', () => {
  const modalities: AggirModality[] = ['A', 'B', 'C'];
  it.each(['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC', 'ACAAABCA', 'AAAAAABA', 'AABBAACC'])(
    'never change the result of %s, over their 9 combinations',
    (letters) => {
      const without = computeGir(grid(letters));
      for (const deplacementsExterieur of modalities) {
        for (const communicationADistance of modalities) {
          expect(
            computeGir({ ...grid(letters), deplacementsExterieur, communicationADistance }),
          ).toEqual(without);
        }
      }
    },
  );
});

describe('computeGir: incomplete grids', () => {
  it('gives no GIR when one of the eight weighted variables is missing', () => {
    const draft: Partial<Record<AggirWeightedVariable, AggirModality>> = { ...grid('CCCCCCCC') };
    delete draft.transferts;
    expect(isCompleteAggirGrid(draft)).toBe(false);
    expect(computeGir(draft)).toBeUndefined();
    expect(computeGir({ ...grid('CCCCCCCC'), deplacementsInterieur: undefined })).toBeUndefined();
    expect(computeGir({})).toBeUndefined();
  });

  it('gives no GIR when a weighted variable holds something other than A, B or C', () => {
    const fromStorage: unknown = JSON.parse('{"coherence":"D"}');
    const draft: AggirGridDraft = { ...grid('AAAAAAAA'), ...(fromStorage as object) };
    expect(isCompleteAggirGrid(draft)).toBe(false);
    expect(computeGir(draft)).toBeUndefined();
  });

  it('computes a grid without déplacement extérieur and communication à distance', () => {
    const draft: AggirGridDraft = grid('AAAAAAAA');
    expect(isCompleteAggirGrid(draft)).toBe(true);
    expect(computeGir(draft)).toEqual({ gir: 6, rank: 13, group: 'H' });
  });

  it('types the result of a complete grid as always present', () => {
    expectTypeOf(computeGir(grid('AAAAAAAA'))).toEqualTypeOf<AggirResult>();
    expectTypeOf(computeGir({} as AggirGridDraft)).toEqualTypeOf<AggirResult | undefined>();
  });
});
