import type { Route } from '../router';

type GuideRoute = Extract<Route, { name: 'guide' | 'guide-service' | 'guide-admin' }>;

/**
 * Addresses of the guide screens: `#/guide`, `#/guide/service/<id>`, `#/admin/guide`, with
 * `?visite=<id>` when the agent came from a visit, so "Orienter vers ce service" knows which.
 */
export function parseGuideRoute(path: string): GuideRoute | undefined {
  const [base = '', search = ''] = path.split('?');
  const visitId = /^[0-9a-f-]{36}$/.exec(new URLSearchParams(search).get('visite') ?? '')?.[0];
  const withVisit = visitId ? { visitId } : {};
  if (base === '/guide') return { name: 'guide', ...withVisit };
  if (base === '/admin/guide') return { name: 'guide-admin' };
  const service = /^\/guide\/service\/(.+)$/.exec(base);
  if (service) return { name: 'guide-service', id: decodeURIComponent(service[1]!), ...withVisit };
  return undefined;
}

export function guideHref(route: GuideRoute): string {
  const visit = 'visitId' in route && route.visitId ? `?visite=${route.visitId}` : '';
  switch (route.name) {
    case 'guide':
      return `#/guide${visit}`;
    case 'guide-service':
      return `#/guide/service/${encodeURIComponent(route.id)}${visit}`;
    case 'guide-admin':
      return '#/admin/guide';
  }
}
