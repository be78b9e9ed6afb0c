/**
 * The line on which each element of the record arrays of a JSON text starts: of the top-level
 * array, or of the arrays under the top-level keys `structures` and `services`. JSON.parse
 * gives no positions, and an administrator fixing a file needs the line of a refused record.
 * Only called on text JSON.parse accepted, so the scan can trust the syntax.
 */
export function jsonElementLines(text: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  const stack: Array<{ kind: 'array' | 'object'; key?: string }> = [];
  let line = 1;
  let lastKey: string | undefined;
  let expectElement = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '\n') line += 1;
    if (ch === '"') {
      const end = stringEnd(text, i);
      if (stack.length === 1 && stack[0]!.kind === 'object')
        lastKey = JSON.parse(text.slice(i, end + 1)) as string;
      note(stack, expectElement, line, lines);
      expectElement = false;
      i = end;
      continue;
    }
    if (/\s|,|:/.test(ch)) {
      if (ch === ',' && stack.at(-1)?.kind === 'array') expectElement = true;
      continue;
    }
    if (ch === ']' || ch === '}') {
      stack.pop();
      expectElement = false;
      continue;
    }
    note(stack, expectElement, line, lines);
    expectElement = false;
    if (ch === '[' || ch === '{') {
      stack.push({
        kind: ch === '[' ? 'array' : 'object',
        key: stack.length === 1 ? lastKey : undefined,
      });
      if (ch === '[') expectElement = true;
    }
  }
  return lines;
}

function note(
  stack: Array<{ kind: string; key?: string }>,
  expectElement: boolean,
  line: number,
  lines: Map<string, number[]>,
) {
  if (!expectElement) return;
  const top = stack.at(-1);
  if (top?.kind !== 'array') return;
  const name = stack.length === 1 ? '' : stack.length === 2 ? top.key : undefined;
  if (name === undefined) return;
  const list = lines.get(name) ?? [];
  list.push(line);
  lines.set(name, list);
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
