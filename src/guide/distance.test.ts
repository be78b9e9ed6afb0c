import { describe, expect, it } from 'vitest';
import { communes } from '../../shared/communes';
import type { StructureRecord } from '../../shared/guide/schemas';
import { communeCentre, haversineKm, isFranceServices, isMds, nearestStructures } from './distance';

/** The 12 MDS (domain/loir-et-cher.md) placed at their commune centre, as in the demo guide. */
const MDS_INSEE = [
  '41143',
  '41095',
  '41269',
  '41136',
  '41167',
  '41018',
  '41025',
  '41242',
  '41151',
  '41194',
  '41106',
  '41232',
];
const structure = (code: string, nom: string, reseau: string): StructureRecord => {
  const c = communes.find((x) => x.code === code)!;
  return {
    id: `${reseau}-${code}`,
    nom,
    source: 'test',
    date_maj: '2026-01-15',
    version: 1,
    code_insee: code,
    latitude: c.lat,
    longitude: c.lon,
    reseaux_porteurs: [reseau as 'departements'],
  };
};
const STRUCTURES = [
  ...MDS_INSEE.map((code) => structure(code, `Maison des Solidarités ${code}`, 'departements')),
  structure('41198', 'France Services de Saint-Aignan', 'france-service'),
  structure('41149', 'France Services de Montoire-sur-le-Loir', 'france-service'),
  structure('41018', 'Conseil départemental, siège', 'departements'),
];

/** Spherical law of cosines: another formula than the code's haversine, same sphere. */
function cosinesKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const c =
    Math.sin(r(a.lat)) * Math.sin(r(b.lat)) +
    Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.cos(r(b.lon - a.lon));
  return 6371.0088 * Math.acos(Math.min(1, c));
}

describe('distance and nearest places', () => {
  it('computes great-circle distances: Blois to Vendôme is about 29 km in a straight line', () => {
    const km = haversineKm(communeCentre('41018')!, communeCentre('41269')!);
    expect(km).toBeGreaterThan(25);
    expect(km).toBeLessThan(35);
  });

  it('finds the nearest MDS of obvious communes', () => {
    const nearest = (code: string) =>
      nearestStructures(STRUCTURES, code, isMds)[0]!.structure.code_insee;
    expect(nearest('41018')).toBe('41018'); // Blois
    expect(nearest('41295')).toBe('41018'); // Vineuil → Blois
    expect(nearest('41143')).toBe('41143'); // Mondoubleau
    expect(nearest('41232')).toBe('41232'); // Salbris
    expect(nearest('41149')).not.toBe('41143'); // Montoire is nearer Vendôme than Mondoubleau
  });

  it('agrees with an independent computation for every commune of the département', () => {
    for (const commune of communes) {
      const [found] = nearestStructures(STRUCTURES, commune.code, isMds);
      const expected = STRUCTURES.filter(isMds)
        .map((s) => ({ s, km: cosinesKm(commune, { lat: s.latitude!, lon: s.longitude! }) }))
        .sort((a, b) => a.km - b.km)[0]!;
      expect(found!.structure.id, commune.nom).toBe(expected.s.id);
      // The law of cosines loses precision near 0 km: agree to the metre.
      expect(found!.km).toBeCloseTo(expected.km, 3);
    }
  });

  it('tells MDS from other structures of the département, and finds the nearest France Services', () => {
    expect(STRUCTURES.filter(isMds)).toHaveLength(12);
    const [fs] = nearestStructures(STRUCTURES, '41242', isFranceServices); // Selles-sur-Cher
    expect(fs!.structure.nom).toBe('France Services de Saint-Aignan');
    expect(nearestStructures(STRUCTURES, '99999', isMds)).toEqual([]);
  });
});
