/**
 * How words are compared in the guide search: lower case, no accents, no ligatures, so
 * "Aide ménagère", "AIDE MENAGERE" and "aide menagere" are the same words.
 */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase();
}

/** Short French words that say nothing about a service. */
const STOP_WORDS = new Set([
  'a',
  'au',
  'aux',
  'avec',
  'ce',
  'd',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'ou',
  'par',
  'pour',
  'sa',
  'se',
  'ses',
  'son',
  'sur',
  'un',
  'une',
  'vos',
  'votre',
  'y',
]);

/** Words of a text: split on anything that is not a letter or a digit (apostrophes included). */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/** A folded word, or null for a stop word (MiniSearch then drops it). */
export function processTerm(word: string): string | null {
  const folded = foldWord(word);
  return STOP_WORDS.has(folded) ? null : folded;
}
