import type { PilotageQuery, Territory } from '../../../shared/pilotage/query';

export type PilotageRoute = { name: 'pilotage' | 'pilotage-print'; query: PilotageQuery };

/** The calendar year of `today`: the default period, an annual review. */
export function defaultPilotageQuery(today: Date = new Date()): PilotageQuery {
  const year = today.getFullYear();
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * Addresses of the Pilotage screens, `#/pilotage?du=…&au=…&territoire=…&mds=…` and the same
 * under `#/pilotage/bilan` for the printable review, so a reload or a shared link shows the
 * same figures. Parameters that do not read as such give the default period; the server checks
 * the rest (kept light: it is part of the app's first load).
 */
export function parsePilotageRoute(path: string): PilotageRoute | undefined {
  const [base = '', search = ''] = path.split('?');
  const name =
    base === '/pilotage' ? 'pilotage' : base === '/pilotage/bilan' ? 'pilotage-print' : undefined;
  if (!name) return undefined;
  const params = new URLSearchParams(search);
  const day = (value: string | null) =>
    value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  const from = day(params.get('du'));
  const to = day(params.get('au'));
  const query: PilotageQuery = from && to && from <= to ? { from, to } : defaultPilotageQuery();
  const territory = params.get('territoire');
  const siteId = params.get('mds');
  if (territory === 'nord' || territory === 'centre' || territory === 'sud') {
    query.territory = territory satisfies Territory;
  } else if (siteId && /^[a-z0-9-]{3,64}$/.test(siteId)) query.siteId = siteId;
  return { name, query };
}

export function pilotageHref(route: PilotageRoute): string {
  const params = new URLSearchParams({ du: route.query.from, au: route.query.to });
  if (route.query.territory) params.set('territoire', route.query.territory);
  if (route.query.siteId) params.set('mds', route.query.siteId);
  return `#/pilotage${route.name === 'pilotage-print' ? '/bilan' : ''}?${params}`;
}
