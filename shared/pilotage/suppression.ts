/**
 * Secondary suppression (secret statistique "par différence"), as statistics offices practise
 * it. Primary masking (cells.ts) hides every count of 1 to 4 persons; but where figures add up
 * (a column and its "Ensemble" line, the rows of a table and the total another table shows), a
 * masked count is the total minus the shown cells. So other cells are masked too, the smallest
 * first, until no masked count can be derived from what is shown.
 *
 * The audit is exact for linear derivation: a hidden count is derivable when some combination
 * of the sums gives it alone, not only when it is the one hidden cell of a line (two masked
 * cells of a row that are also the two masked cells of a column give nothing; a masked cell
 * "bridging" two such blocks would). It works on which cells are hidden and on the shown
 * values, never on the hidden values, so it runs on figures already masked.
 */

/**
 * One count of the audit. `value` is null when masked, and for a figure never published (a
 * total no table shows): such a figure may be derived, a masked one never.
 */
export interface AuditCell {
  id: string;
  value: number | null;
  /** False for a figure the page never shows, hidden but not protected. */
  published?: boolean;
  /**
   * Cells hidden together with this one (the hours and the count of one duration bracket):
   * hiding any hides all of them.
   */
  link?: string;
}

/** `total` = the sum of `parts`, each an id of AuditCell. */
export interface AuditSum {
  total: string;
  parts: readonly string[];
}

const EPSILON = 1e-9;

/**
 * Which cells to hide so that no hidden count can be derived from the sums: the cells already
 * hidden, and as few more as this greedy choice finds. While some masked cell is derivable, the
 * smallest shown non-zero cell of a sum that gives it away is hidden too (zeros hide nothing),
 * which may make another sum give a cell away, and so on until stable.
 */
export function suppress(cells: readonly AuditCell[], sums: readonly AuditSum[]): Set<string> {
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  for (const sum of sums) {
    for (const id of [sum.total, ...sum.parts]) {
      if (!byId.has(id)) throw new Error(`Somme sur une cellule inconnue : ${id}`);
    }
  }
  const hidden = new Set<string>();
  const hide = (id: string) => {
    hidden.add(id);
    const link = byId.get(id)?.link;
    if (link !== undefined) {
      for (const cell of cells) if (cell.link === link) hidden.add(cell.id);
    }
  };
  for (const cell of cells) if (cell.value === null) hide(cell.id);
  const masked = new Set(
    cells.filter((cell) => cell.value === null && cell.published !== false).map((cell) => cell.id),
  );

  for (;;) {
    // Published cells hidden as complements matter too: one derived gives the next away.
    const exposed = derivable(hidden, sums).filter((id) => byId.get(id)?.published !== false);
    const first = exposed.find((id) => masked.has(id));
    if (first === undefined) return hidden;
    const complement = pickComplement(first, exposed, hidden, sums, byId);
    if (complement === undefined) return hidden;
    hide(complement);
  }
}

/** The hidden cells whose value the sums determine, given the shown ones, sorted. */
export function derivable(hidden: ReadonlySet<string>, sums: readonly AuditSum[]): string[] {
  const unknowns = [...hidden].sort();
  const column = new Map(unknowns.map((id, index) => [id, index]));
  // One equation per sum, over the hidden cells only: parts − total = (shown values).
  const rows = sums
    .map((sum) => {
      const row = new Array<number>(unknowns.length).fill(0);
      const add = (id: string, coefficient: number) => {
        const index = column.get(id);
        if (index !== undefined) row[index] = (row[index] ?? 0) + coefficient;
      };
      add(sum.total, -1);
      for (const part of sum.parts) add(part, 1);
      return row;
    })
    .filter((row) => row.some((x) => Math.abs(x) > EPSILON));
  const { pivots, reduced } = rowReduce(rows, unknowns.length);
  // A hidden cell is determined when it is a pivot whose reduced equation holds no free cell.
  const free = unknowns.map((_, index) => index).filter((index) => !pivots.has(index));
  const exposed: string[] = [];
  for (const [index, rowIndex] of pivots) {
    const row = reduced[rowIndex]!;
    if (free.every((f) => Math.abs(row[f] ?? 0) < EPSILON)) exposed.push(unknowns[index]!);
  }
  return exposed.sort();
}

/** Reduced row echelon form; `pivots` maps a column to the row holding its pivot. */
function rowReduce(
  input: readonly number[][],
  width: number,
): { pivots: Map<number, number>; reduced: number[][] } {
  const rows = input.map((row) => [...row]);
  const pivots = new Map<number, number>();
  let next = 0;
  for (let col = 0; col < width && next < rows.length; col++) {
    let best = next;
    for (let r = next + 1; r < rows.length; r++) {
      if (Math.abs(rows[r]![col]!) > Math.abs(rows[best]![col]!)) best = r;
    }
    if (Math.abs(rows[best]![col]!) < EPSILON) continue;
    [rows[next], rows[best]] = [rows[best]!, rows[next]!];
    const pivotRow = rows[next]!;
    const scale = pivotRow[col]!;
    for (let c = 0; c < width; c++) pivotRow[c] = pivotRow[c]! / scale;
    for (let r = 0; r < rows.length; r++) {
      if (r === next) continue;
      const factor = rows[r]![col]!;
      if (Math.abs(factor) < EPSILON) continue;
      for (let c = 0; c < width; c++) rows[r]![c] = rows[r]![c]! - factor * pivotRow[c]!;
    }
    pivots.set(col, next);
    next += 1;
  }
  return { pivots, reduced: rows };
}

/**
 * The next cell to hide: the smallest shown non-zero cell of a sum where a derivable cell is
 * the only hidden one (a plain subtraction), else of a sum holding the masked cell `first`,
 * else of any sum holding a hidden cell (a derivation through several sums). Ties go to the
 * smallest id, so the same figures always give the same masking.
 */
function pickComplement(
  first: string,
  exposed: readonly string[],
  hidden: ReadonlySet<string>,
  sums: readonly AuditSum[],
  byId: ReadonlyMap<string, AuditCell>,
): string | undefined {
  const members = (sum: AuditSum) => [sum.total, ...sum.parts];
  const hiddenOf = (sum: AuditSum) => members(sum).filter((id) => hidden.has(id));
  const alone = sums.filter((sum) => {
    const inSum = hiddenOf(sum);
    return inSum.length === 1 && exposed.includes(inSum[0]!);
  });
  const holding = sums.filter((sum) => members(sum).includes(first));
  const touching = sums.filter((sum) => hiddenOf(sum).length > 0);
  for (const candidates of [alone, holding, touching]) {
    const best = smallestShown(candidates.flatMap(members), hidden, byId);
    if (best !== undefined) return best;
  }
  return undefined;
}

function smallestShown(
  ids: readonly string[],
  hidden: ReadonlySet<string>,
  byId: ReadonlyMap<string, AuditCell>,
): string | undefined {
  let best: { id: string; value: number } | undefined;
  for (const id of ids) {
    const value = byId.get(id)?.value;
    if (hidden.has(id) || value === null || value === undefined || value === 0) continue;
    if (!best || value < best.value || (value === best.value && id < best.id)) {
      best = { id, value };
    }
  }
  return best?.id;
}
