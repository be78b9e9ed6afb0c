import { communeByCode } from '../../shared/communes';
import type { StructureRecord } from '../../shared/guide/schemas';

/** Mean Earth radius used by the haversine formula (IUGG). */
const EARTH_RADIUS_KM = 6371.0088;

export interface Point {
  lat: number;
  lon: number;
}

/** Great-circle distance in km: straight line, not road distance. */
export function haversineKm(a: Point, b: Point): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The approximate centre of a commune of Loir-et-Cher (about 1 km), by INSEE code. */
export function communeCentre(codeInsee: string): Point | undefined {
  const commune = communeByCode(codeInsee);
  return commune ? { lat: commune.lat, lon: commune.lon } : undefined;
}

/** Where a guide record is: its own coordinates, else the centre of its commune. */
export function locate(record: {
  latitude?: number | null;
  longitude?: number | null;
  code_insee?: string | null;
}): Point | undefined {
  if (typeof record.latitude === 'number' && typeof record.longitude === 'number') {
    return { lat: record.latitude, lon: record.longitude };
  }
  return record.code_insee ? communeCentre(record.code_insee) : undefined;
}

export const isMds = (s: StructureRecord) =>
  /maison des solidarit/i.test(s.nom) && (s.reseaux_porteurs ?? []).includes('departements');
export const isFranceServices = (s: StructureRecord) =>
  (s.reseaux_porteurs ?? []).some((r) => r === 'france-service' || r === 'msap');

/** The `count` structures matching `keep` nearest to the centre of a commune, nearest first. */
export function nearestStructures(
  structures: readonly StructureRecord[],
  codeInsee: string,
  keep: (s: StructureRecord) => boolean,
  count = 1,
): Array<{ structure: StructureRecord; km: number }> {
  const origin = communeCentre(codeInsee);
  if (!origin) return [];
  return structures
    .filter(keep)
    .flatMap((structure) => {
      const at = locate(structure);
      return at ? [{ structure, km: haversineKm(origin, at) }] : [];
    })
    .sort((a, b) => a.km - b.km)
    .slice(0, count);
}
