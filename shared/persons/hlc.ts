import { z } from 'zod';

/**
 * Hybrid logical clock (Kulkarni et al.): a timestamp that follows the device clock but never
 * goes backwards and always passes every timestamp the device has seen. Two devices whose clocks
 * are hours apart still order an edit made after seeing another one after it, so "the later
 * edit of a field wins" means later in what the agents saw, not later on a wrong clock.
 *
 * Written as one string that sorts like the clock: 15 digits of milliseconds, 5 of counter,
 * then the node (the device id) to break ties: `000001763900000000-00003-<uuid>`.
 */
export type Hlc = string;

const MS_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 99_999;

export const hlcSchema = z
  .string()
  .regex(/^\d{15}-\d{5}-[0-9a-z-]{1,64}$/, 'Horodatage logique invalide.');

export interface HlcParts {
  ms: number;
  counter: number;
  node: string;
}

export function formatHlc({ ms, counter, node }: HlcParts): Hlc {
  return `${String(ms).padStart(MS_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${node}`;
}

export function parseHlc(hlc: Hlc): HlcParts {
  const [ms, counter, ...node] = hlc.split('-');
  return { ms: Number(ms), counter: Number(counter), node: node.join('-') };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The timestamp of a local event: after `last` and at least the wall clock `nowMs`. */
export function tickHlc(last: Hlc | undefined, nowMs: number, node: string): Hlc {
  const previous = last === undefined ? undefined : parseHlc(last);
  if (previous === undefined || nowMs > previous.ms)
    return formatHlc({ ms: nowMs, counter: 0, node });
  return bump(previous, node);
}

/** The clock after seeing `remote` (a pulled field): past both, so the next edit sorts after it. */
export function receiveHlc(last: Hlc | undefined, remote: Hlc, nowMs: number, node: string): Hlc {
  const seen = last === undefined || compareHlc(remote, last) > 0 ? remote : last;
  const parts = parseHlc(seen);
  if (nowMs > parts.ms) return formatHlc({ ms: nowMs, counter: 0, node });
  return bump(parts, node);
}

function bump(parts: HlcParts, node: string): Hlc {
  return parts.counter >= MAX_COUNTER
    ? formatHlc({ ms: parts.ms + 1, counter: 0, node })
    : formatHlc({ ms: parts.ms, counter: parts.counter + 1, node });
}
