import { type Cell, MASK_THRESHOLD } from './report';

/**
 * Statistical confidentiality of the dashboard: a count of 1 to 4 persons is masked (null),
 * and so is any figure computed from one. Zero counts nobody and is shown.
 */
export function maskCount(count: number): number | null {
  return count > 0 && count < MASK_THRESHOLD ? null : count;
}

/** A count for the period and the previous one, each masked on its own. */
export function countCell(current: number, previous: number): Cell {
  return { value: maskCount(current), previous: maskCount(previous) };
}

/** A percentage (one decimal) of two counts; masked when either is, absent when `total` is 0. */
export function percent(part: number, total: number): number | null {
  if (total === 0 || maskCount(part) === null || maskCount(total) === null) return null;
  return Math.round((part / total) * 1000) / 10;
}

/** A mean over `count` persons (one decimal); masked when the count is, absent when 0. */
export function mean(sum: number, count: number): number | null {
  if (count === 0 || maskCount(count) === null) return null;
  return Math.round((sum / count) * 10) / 10;
}

/** The change from the previous period, when both figures are shown. */
export function change(cell: Cell): number | null {
  if (cell.value === null || cell.previous === null) return null;
  return Math.round((cell.value - cell.previous) * 10) / 10;
}

/**
 * A count of records (visits, tasks…) masked when the persons behind them are 1 to 4: six
 * visits of one person are masked like one visit.
 */
export function countOfPersons(count: number, persons: number): number | null {
  return maskCount(persons) === null ? null : count;
}

/** Both periods of `countOfPersons`. */
export function personsCell(
  current: { n: number; p: number },
  previous: { n: number; p: number },
): Cell {
  return {
    value: countOfPersons(current.n, current.p),
    previous: countOfPersons(previous.n, previous.p),
  };
}

/** A median (one decimal) over `count` values, masked when they are 1 to 4, absent when 0. */
export function median(value: number | null, count: number): number | null {
  if (value === null || count === 0 || maskCount(count) === null) return null;
  return Math.round(value * 10) / 10;
}
