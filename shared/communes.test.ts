import { describe, expect, it } from 'vitest';
import { communeByCode, communes, foldForSearch, formerCommunes } from './communes';

describe('communes of Loir-et-Cher', () => {
  it('holds the 267 communes with coordinates inside the département', () => {
    expect(communes).toHaveLength(267);
    for (const c of communes) {
      expect(c.lat).toBeGreaterThan(47.1);
      expect(c.lat).toBeLessThan(48.2);
    }
    expect(communeByCode('41018')?.nom).toBe('Blois');
  });

  it('maps every former commune to an existing commune', () => {
    for (const f of formerCommunes) expect(communeByCode(f.chefLieu)).toBeDefined();
  });

  it('folds accents, case, hyphens and "St" for searching', () => {
    expect(foldForSearch('Saint-Aignan')).toBe(foldForSearch('st aignan'));
    expect(foldForSearch('Vendôme')).toBe('vendome');
    expect(foldForSearch('La Chaussée-Saint-Victor')).toBe('la chaussee saint victor');
  });
});
