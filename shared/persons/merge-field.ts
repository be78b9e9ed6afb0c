import { compareHlc } from './hlc';
import type { FieldEdit, FieldState, FieldWrite } from './person-fields';

/**
 * Merges one edit into a field, the same way on the server and on the tablet:
 *
 * - an edit made on the value the server holds (`base` is its HLC) replaces it, and removes
 *   from the conflict the concurrent values the agent chose against (`resolves`);
 * - an edit made without seeing the current value is concurrent: the later HLC wins, and when
 *   the two values differ the other one is kept as a conflict for an agent to choose;
 * - an edit already merged (same HLC) changes nothing, so a replayed push is harmless.
 *
 * Commutative for concurrent edits: whatever order two devices' pushes arrive in, the field
 * ends with the same winner and the same conflict.
 */
export function mergeFieldEdit(
  current: FieldState | undefined,
  edit: FieldEdit,
  by: string,
): FieldState {
  const incoming: FieldWrite = { value: edit.value, hlc: edit.hlc, by };
  if (current === undefined) return incoming;
  const known = [current.hlc, ...(current.conflicts ?? []).map((c) => c.hlc)];
  if (known.includes(edit.hlc)) return current;
  // An edit made on the current value sorts after it (the tablet's clock has seen it); one
  // that does not, from a tablet whose clock was reset, is treated as concurrent, not dropped.
  if (edit.base === current.hlc && compareHlc(edit.hlc, current.hlc) > 0) {
    const resolved = new Set(edit.resolves ?? []);
    const left = (current.conflicts ?? []).filter((c) => !resolved.has(c.hlc));
    return withConflicts(incoming, left);
  }
  const { conflicts = [], ...stored } = current;
  const [winner, loser] =
    compareHlc(edit.hlc, stored.hlc) > 0 ? [incoming, stored] : [stored, incoming];
  if (sameValue(winner.value, loser.value)) return withConflicts(winner, conflicts);
  return withConflicts(
    winner,
    [...conflicts, loser].sort((a, b) => compareHlc(a.hlc, b.hlc)),
  );
}

function withConflicts(write: FieldWrite, conflicts: FieldWrite[]): FieldState {
  const { value, hlc, by } = write;
  return conflicts.length > 0 ? { value, hlc, by, conflicts } : { value, hlc, by };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
