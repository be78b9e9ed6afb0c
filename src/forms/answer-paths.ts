/**
 * Reading and writing answers at a path (`['aidants', 0, 'nom']`) without mutating them, and
 * turning what an input holds into an answer value. No storage, no DOM: the screens do that.
 */
export type AnswerPath = readonly (string | number)[];
type Node = Record<string | number, unknown> | unknown[];

export function answerAt(root: unknown, path: AnswerPath): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export function withAnswer(
  root: Readonly<Record<string, unknown>>,
  path: AnswerPath,
  value: unknown,
): Record<string, unknown> {
  return setIn(root, path, value) as Record<string, unknown>;
}

function setIn(node: unknown, path: AnswerPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const copy: Node = Array.isArray(node)
    ? [...node]
    : { ...((typeof node === 'object' && node !== null ? node : {}) as Record<string, unknown>) };
  (copy as Record<string | number, unknown>)[key] = setIn(
    (copy as Record<string | number, unknown>)[key],
    rest,
    value,
  );
  return copy;
}

/** `12,5` and `12.5` are both 12.5; anything else that is not a number stays as typed, so validation can say so. */
export function numberFromInput(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : trimmed;
}

/** DOM id of the input of the field at `path`, for labels, error links and focus. */
export function inputId(path: AnswerPath): string {
  return `champ-${path.join('-')}`;
}

export function pathKey(path: AnswerPath): string {
  return path.join('.');
}
