import { describe, expect, it } from 'vitest';
import { type AuditCell, type AuditSum, derivable, suppress } from './suppression';

/**
 * A table of counts with a total line and a total column, as `{ row: [cells…, total] }` with
 * the last row the column totals; null is a masked cell. Cell ids are `r1c2`, totals `r1T`,
 * `Tc2`, `TT`.
 */
function grid(rows: Record<string, (number | null)[]>): {
  cells: AuditCell[];
  sums: AuditSum[];
} {
  const names = Object.keys(rows);
  const width = rows[names[0]!]!.length;
  const id = (r: number, c: number) =>
    `${r === names.length - 1 ? 'T' : `r${r + 1}`}${c === width - 1 ? 'T' : `c${c + 1}`}`;
  const cells = names.flatMap((name, r) =>
    rows[name]!.map((value, c) => ({ id: id(r, c), value })),
  );
  const sums: AuditSum[] = [];
  for (let r = 0; r < names.length; r++) {
    sums.push({
      total: id(r, width - 1),
      parts: Array.from({ length: width - 1 }, (_, c) => id(r, c)),
    });
  }
  for (let c = 0; c < width; c++) {
    sums.push({
      total: id(names.length - 1, c),
      parts: Array.from({ length: names.length - 1 }, (_, r) => id(r, c)),
    });
  }
  return { cells, sums };
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('secondary suppression', () => {
  it('masks the smallest other cell of a line whose total is shown', () => {
    // 3 + 10 + 12 = 25: with 3 masked alone, 25 − 10 − 12 gives it back; 10 is the smallest
    // other cell (the total, 25, is larger).
    const cells: AuditCell[] = [
      { id: 'a', value: null },
      { id: 'b', value: 10 },
      { id: 'c', value: 12 },
      { id: 'total', value: 25 },
    ];
    const sums = [{ total: 'total', parts: ['a', 'b', 'c'] }];
    expect(derivable(new Set(['a']), sums)).toEqual(['a']);
    expect(sorted(suppress(cells, sums))).toEqual(['a', 'b']);
  });

  it('masks nothing more when two cells of a column are masked', () => {
    // 2 + 3 + 10 = 15: the column gives 5 for the two masked cells together, neither alone.
    const cells: AuditCell[] = [
      { id: 'a', value: null },
      { id: 'b', value: null },
      { id: 'c', value: 10 },
      { id: 'total', value: 15 },
    ];
    const sums = [{ total: 'total', parts: ['a', 'b', 'c'] }];
    expect(derivable(new Set(['a', 'b']), sums)).toEqual([]);
    expect(sorted(suppress(cells, sums))).toEqual(['a', 'b']);
  });

  it('cascades across lines and columns until no line has a single masked cell', () => {
    //        c1   c2   c3 | T
    //  r1    3*   20   30 |  53
    //  r2    12   40   50 | 102
    //  r3    25   60   70 | 155
    //  T     40  120  150 | 310
    // r1c1 is masked. Row r1 and column c1 each show it alone; the smallest other cell of both
    // is r2c1 (12). Row r1 still shows r1c1 alone, and row r2 r2c1: the smallest other cell of
    // these two rows is r1c2 (20). Column c2 now shows r1c2 alone, and row r2 still r2c1: r2c2
    // (40). Rows r1, r2 and columns c1, c2 then each hold two masked cells, a rectangle whose
    // four values no sum separates.
    const { cells, sums } = grid({
      r1: [null, 20, 30, 53],
      r2: [12, 40, 50, 102],
      r3: [25, 60, 70, 155],
      total: [40, 120, 150, 310],
    });
    expect(sorted(suppress(cells, sums))).toEqual(['r1c1', 'r1c2', 'r2c1', 'r2c2']);
  });

  it('masks a total when it is the only other figure of its line', () => {
    // An MDS line: a masked 3 and a zero, its total 3 (= the masked cell). The MDS totals are a
    // column of their own: 3 + 10 + 12 = 25. Zeros are never chosen, so the MDS total is
    // masked; the column then shows it alone, and its smallest other cell, 10, is masked.
    const cells: AuditCell[] = [
      { id: 'a', value: null },
      { id: 'zero', value: 0 },
      { id: 'mds', value: 3 },
      { id: 'other', value: 10 },
      { id: 'third', value: 12 },
      { id: 'all', value: 25 },
    ];
    const sums = [
      { total: 'mds', parts: ['a', 'zero'] },
      { total: 'all', parts: ['mds', 'other', 'third'] },
    ];
    expect(sorted(suppress(cells, sums))).toEqual(['a', 'mds', 'other']);
  });

  it('finds a masked cell given away by a combination of lines, not only by one line', () => {
    // Two blocks of four masked cells, and r2c3 between them: every line holds 0 or at least
    // 2 masked cells, yet r2c3 is the sum of rows r1, r2 minus columns c1, c2.
    const { sums } = grid({
      r1: [1, 1, 0, 0, 2],
      r2: [1, 1, 1, 0, 3],
      r3: [0, 0, 1, 1, 2],
      r4: [0, 0, 1, 1, 2],
      total: [2, 2, 3, 2, 9],
    });
    const hidden = new Set([
      'r1c1',
      'r1c2',
      'r2c1',
      'r2c2',
      'r2c3',
      'r3c3',
      'r3c4',
      'r4c3',
      'r4c4',
    ]);
    expect(derivable(hidden, sums)).toEqual(['r2c3']);
  });

  it('lets a total no table shows be derived, and protects the masked counts it splits into', () => {
    // The visits of the period (33) are shown by no table, but two tables split them: B in
    // full, so A's masked 3 would be 33 − 10 − 20; A's smallest other cell, 10, is masked.
    const cells: AuditCell[] = [
      { id: 'visits', value: null, published: false },
      { id: 'a1', value: null },
      { id: 'a2', value: 10 },
      { id: 'a3', value: 20 },
      { id: 'b1', value: 15 },
      { id: 'b2', value: 18 },
    ];
    const sums = [
      { total: 'visits', parts: ['a1', 'a2', 'a3'] },
      { total: 'visits', parts: ['b1', 'b2'] },
    ];
    expect(sorted(suppress(cells, sums))).toEqual(['a1', 'a2', 'visits']);
    // With a masked cell in each table, the total is unknown and each gives only a difference.
    const both = cells.map((cell) => (cell.id === 'b1' ? { ...cell, value: null } : cell));
    expect(sorted(suppress(both, sums))).toEqual(['a1', 'b1', 'visits']);
  });

  it('hides linked cells together', () => {
    // A duration bracket's count and its hours: masking the count masks the hours, and the
    // hours' total line then needs a second masked bracket like the counts'.
    const cells: AuditCell[] = [
      { id: 'n1', value: null, link: '1' },
      { id: 'h1', value: 1.5, link: '1' },
      { id: 'n2', value: 6, link: '2' },
      { id: 'h2', value: 4, link: '2' },
      { id: 'n3', value: 9, link: '3' },
      { id: 'h3', value: 12, link: '3' },
      { id: 'n', value: 18 },
      { id: 'h', value: 17.5 },
    ];
    const sums = [
      { total: 'n', parts: ['n1', 'n2', 'n3'] },
      { total: 'h', parts: ['h1', 'h2', 'h3'] },
    ];
    expect(sorted(suppress(cells, sums))).toEqual(['h1', 'h2', 'n1', 'n2']);
  });

  it('refuses a sum over a cell it does not know', () => {
    expect(() => suppress([{ id: 'a', value: 1 }], [{ total: 'a', parts: ['b'] }])).toThrow(
      /inconnue : b/,
    );
  });
});
