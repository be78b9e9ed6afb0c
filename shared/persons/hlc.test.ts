import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, parseHlc, receiveHlc, tickHlc } from './hlc';

const HOUR_MS = 60 * 60 * 1000;

describe('hybrid logical clock', () => {
  it('sorts as a string in the order of its parts', () => {
    const a = formatHlc({ ms: 1_000, counter: 2, node: 'b' });
    const b = formatHlc({ ms: 1_000, counter: 10, node: 'a' });
    const c = formatHlc({ ms: 2_000, counter: 0, node: 'a' });
    expect([c, b, a].sort()).toEqual([a, b, c]);
    expect(parseHlc(b)).toEqual({ ms: 1_000, counter: 10, node: 'a' });
  });

  it('never goes backwards when the wall clock does', () => {
    const first = tickHlc(undefined, 5_000, 'n');
    const second = tickHlc(first, 4_000, 'n');
    expect(compareHlc(second, first)).toBe(1);
    expect(parseHlc(second)).toMatchObject({ ms: 5_000, counter: 1 });
  });

  it('passes a remote timestamp hours ahead, so the next local edit sorts after what was seen', () => {
    const remote = formatHlc({ ms: 10 * HOUR_MS, counter: 3, node: 'fast' });
    const local = receiveHlc(tickHlc(undefined, 7 * HOUR_MS, 'slow'), remote, 7 * HOUR_MS, 'slow');
    const edit = tickHlc(local, 7 * HOUR_MS + 1, 'slow');
    expect(compareHlc(edit, remote)).toBe(1);
  });
});
