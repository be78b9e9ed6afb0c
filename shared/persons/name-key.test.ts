import { describe, expect, it } from 'vitest';
import { foldName, nameKey } from './name-key';

describe('name key for duplicates', () => {
  it.each([
    ['Lefèvre', 'Zoé', 'LEFEVRE', 'zoe'],
    ['Gaëlle-Noël', 'Hélène', 'gaelle noel', 'HELENE'],
    ['d’Œillet', 'Ève', "D'OEILLET", 'Eve'],
    ['  Martin ', 'Jean  Paul', 'martin', 'jean-paul'],
  ])('finds %s %s the same as %s %s', (last1, first1, last2, first2) => {
    expect(nameKey(last1, first1)).toBe(nameKey(last2, first2));
  });

  it('tells different names apart', () => {
    expect(nameKey('Martin', 'Jean')).not.toBe(nameKey('Martine', 'Jean'));
    expect(foldName('Émile Zola')).toBe('emile zola');
  });
});
