import { describe, expect, it } from 'vitest';
import type { ServiceRecord, StructureRecord } from '../../shared/guide/schemas';
import { communeCentre } from './distance';
import { toGuideEntries } from './guide-entry';
import { GuideIndex } from './search-index';

const structure = (
  id: string,
  nom: string,
  code_insee: string,
  commune: string,
): StructureRecord => ({
  id,
  nom,
  code_insee,
  commune,
  source: 'test',
  date_maj: '2026-01-15',
  version: 1,
});
const STRUCTURES = [
  structure('s-blois', 'CCAS de Blois', '41018', 'Blois'),
  structure('s-vendome', 'CCAS de Vendôme', '41269', 'Vendôme'),
  structure('s-salbris', 'Association Vivre Ensemble', '41232', 'Salbris'),
];
let n = 0;
const service = (
  nom: string,
  structureId: string,
  extra: Partial<ServiceRecord> = {},
): ServiceRecord => ({
  id: `svc-${++n}`,
  nom,
  structure_id: structureId,
  source: 'test',
  date_maj: '2026-01-15',
  version: 1,
  description: 'Un service de test.',
  ...extra,
});
const SERVICES = [
  service('Aide ménagère à domicile', 's-blois', {
    thematiques: ['equipement-et-alimentation--aide-menagere'],
    publics: ['seniors'],
    type: 'aide-materielle',
    frais: 'payant',
  }),
  service('Aide ménagère', 's-vendome', {
    thematiques: ['equipement-et-alimentation--aide-menagere'],
    publics: ['seniors'],
    type: 'aide-materielle',
    frais: 'payant',
  }),
  service('Ménage et repassage : aide aux aidants', 's-salbris', {
    thematiques: ['famille--soutien-aidants'],
    publics: ['tous-publics'],
    type: 'accompagnement',
    frais: 'gratuit',
  }),
  service('Épicerie solidaire', 's-salbris', {
    thematiques: ['equipement-et-alimentation--alimentation'],
    publics: ['familles'],
    type: 'aide-materielle',
    frais: 'payant',
    description: 'Des courses à petit prix.',
  }),
  service('Conseiller numérique', 's-blois', {
    thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique'],
    publics: ['seniors'],
    type: 'atelier',
    frais: 'gratuit',
  }),
  service('Accompagnement budgétaire', 's-vendome', {
    thematiques: ['difficultes-financieres--ameliorer-sa-gestion-budgetaire'],
    publics: ['familles'],
    type: 'accompagnement',
    frais: 'gratuit',
  }),
];
const index = new GuideIndex(toGuideEntries(SERVICES, STRUCTURES));
const names = (hits: ReturnType<GuideIndex['query']>) =>
  hits.map((h) => `${h.entry.nom} (${h.entry.commune})`);

describe('guide search', () => {
  it('ignores accents and case: "aide menagere" and "AIDE MÉNAGÈRE" find "Aide ménagère"', () => {
    for (const query of ['aide menagere', 'AIDE MÉNAGÈRE', 'Aide Ménagère']) {
      expect(names(index.query(query)).slice(0, 2)).toEqual([
        'Aide ménagère (Vendôme)',
        'Aide ménagère à domicile (Blois)',
      ]);
    }
  });

  it('finds by prefix while typing', () => {
    expect(names(index.query('epic'))).toEqual(['Épicerie solidaire (Salbris)']);
    expect(names(index.query('aide men'))).toContain('Aide ménagère à domicile (Blois)');
    expect(names(index.query('numé'))).toEqual(['Conseiller numérique (Blois)']);
  });

  it('tolerates typos', () => {
    expect(names(index.query('epicerie solidiare'))).toEqual(['Épicerie solidaire (Salbris)']);
    expect(names(index.query('budgetiare'))).toEqual(['Accompagnement budgétaire (Vendôme)']);
    expect(names(index.query('menagre'))[0]).toMatch(/^Aide ménagère/);
  });

  it('ranks a service whose name is exactly the query first', () => {
    expect(names(index.query('aide ménagère'))[0]).toBe('Aide ménagère (Vendôme)');
    expect(names(index.query('Conseiller numerique'))[0]).toBe('Conseiller numérique (Blois)');
  });

  it('searches the labels of thématiques and publics, and the commune', () => {
    expect(names(index.query('alimentation'))).toContain('Épicerie solidaire (Salbris)');
    expect(names(index.query('seniors vendome'))).toEqual(['Aide ménagère (Vendôme)']);
  });

  it('filters by thématique family, public, type, free or not, and commune', () => {
    expect(names(index.query('', { famille: 'famille' }))).toEqual([
      'Ménage et repassage : aide aux aidants (Salbris)',
    ]);
    expect(names(index.query('aide', { public: 'seniors', gratuit: false }))).toHaveLength(2);
    expect(names(index.query('', { type: 'atelier' }))).toEqual(['Conseiller numérique (Blois)']);
    expect(names(index.query('', { gratuit: true })).sort()).toEqual([
      'Accompagnement budgétaire (Vendôme)',
      'Conseiller numérique (Blois)',
      'Ménage et repassage : aide aux aidants (Salbris)',
    ]);
    expect(names(index.query('aide', { codeInsee: '41018' }))).toEqual([
      'Aide ménagère à domicile (Blois)',
    ]);
  });

  it('filters by distance from a commune and lists the nearest first with no query', () => {
    const origin = communeCentre('41295')!; // Vineuil, next to Blois
    const near = index.query('', { origin, maxKm: 20 });
    expect(new Set(near.map((h) => h.entry.commune))).toEqual(new Set(['Blois']));
    const all = index.query('', { origin });
    expect(all.map((h) => h.entry.commune)).toEqual([
      'Blois',
      'Blois',
      'Vendôme',
      'Vendôme',
      'Salbris',
      'Salbris',
    ]);
    expect(all[0]!.km).toBeLessThan(10);
  });
});
