/**
 * A small seeded generator (mulberry32): the fuzz test prints its seed, and
 * `DK_FUZZ_SEED=<seed>` replays a failing run exactly.
 */
export interface Random {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  string(maxLength: number): string;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  // Printable ASCII, control characters, accents, a lone surrogate, an emoji, JSON syntax.
  const ALPHABET = [
    ...'abcXYZ019 _-./\\"\'{}[]:,%&=?#<>\t\n',
    '\u0000',
    '\u001f',
    'é',
    '\u0301',
    '\ud800',
    '😀',
    '\u2028',
  ];
  return {
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    string: (maxLength) =>
      Array.from({ length: int(maxLength + 1) }, () => ALPHABET[int(ALPHABET.length)]).join(''),
  };
}
