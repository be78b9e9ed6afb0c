import { describe, expect, it } from 'vitest';
import { countOf } from './format';

describe('countOf', () => {
  it('agrees the noun in French: singular for 0 and 1, plural from 2', () => {
    expect(countOf(0, 'tâche en retard', 'tâches en retard')).toBe('0 tâche en retard');
    expect(countOf(1, 'essai', 'essais')).toBe('1 essai');
    expect(countOf(2, 'essai', 'essais')).toBe('2 essais');
    expect(countOf(10, 'effacé', 'effacés')).toBe('10 effacés');
  });
});
