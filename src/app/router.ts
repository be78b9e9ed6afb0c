import { useEffect, useState } from 'preact/hooks';
import { adminHref, type AdminTab, parseAdminRoute } from './admin/admin-routes';
import { guideHref, parseGuideRoute } from './guide/guide-routes';
import { parsePersonsRoute, personsHref } from './persons/persons-routes';
import { parsePilotageRoute, type PilotageRoute, pilotageHref } from './pilotage/pilotage-routes';
import { parseRgpdRoute, rgpdHref } from './rgpd/rgpd-routes';

/**
 * Screens are addressed by the URL hash, so a reload (or a browser restart) reopens the same
 * screen, and the draft being typed with it.
 */
export type Route =
  /** `signed`: a visit was just signed, so "Mon avis" is offered above the list. */
  | { name: 'visits'; signed?: boolean }
  | { name: 'new-visit' }
  | { name: 'draft'; id: string }
  | { name: 'to-fix' }
  | { name: 'forms'; personId?: string }
  | { name: 'forms-admin' }
  | { name: 'guide'; visitId?: string }
  | { name: 'guide-service'; id: string; visitId?: string }
  | { name: 'guide-admin' }
  | { name: 'persons' }
  | { name: 'person-new' }
  | { name: 'person'; id: string }
  | { name: 'person-orient'; id: string }
  | { name: 'person-sheet'; id: string }
  | { name: 'person-rgpd'; id: string }
  | { name: 'tasks' }
  | { name: 'referrals' }
  | { name: 'cadre' }
  | { name: 'admin'; tab: AdminTab }
  | { name: 'audit' }
  | PilotageRoute
  | { name: 'avis' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const draft = /^\/brouillon\/([0-9a-f-]{36})$/.exec(path);
  if (draft) return { name: 'draft', id: draft[1]! };
  if (path === '/nouvelle-visite') return { name: 'new-visit' };
  if (path === '/a-corriger') return { name: 'to-fix' };
  const forms = /^\/formulaires(?:\?personne=([0-9a-f-]{36}))?$/.exec(path);
  if (forms) return forms[1] ? { name: 'forms', personId: forms[1] } : { name: 'forms' };
  if (path === '/formulaires/publier') return { name: 'forms-admin' };
  if (path === '/mon-avis') return { name: 'avis' };
  if (path === '/visite-enregistree') return { name: 'visits', signed: true };
  const guide = parseGuideRoute(path);
  if (guide) return guide;
  const persons = parsePersonsRoute(path);
  if (persons) return persons;
  const admin = parseAdminRoute(path);
  if (admin) return admin;
  const pilotage = parsePilotageRoute(path);
  if (pilotage) return pilotage;
  const rgpd = parseRgpdRoute(path);
  if (rgpd) return rgpd;
  return { name: 'visits' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'visits':
      return route.signed ? '#/visite-enregistree' : '#/';
    case 'new-visit':
      return '#/nouvelle-visite';
    case 'draft':
      return `#/brouillon/${route.id}`;
    case 'to-fix':
      return '#/a-corriger';
    case 'forms':
      return route.personId ? `#/formulaires?personne=${route.personId}` : '#/formulaires';
    case 'forms-admin':
      return '#/formulaires/publier';
    case 'guide':
    case 'guide-service':
    case 'guide-admin':
      return guideHref(route);
    case 'persons':
    case 'person-new':
    case 'person':
    case 'person-orient':
    case 'person-sheet':
    case 'tasks':
    case 'referrals':
    case 'cadre':
      return personsHref(route);
    case 'admin':
    case 'audit':
      return adminHref(route);
    case 'person-rgpd':
      return rgpdHref(route);
    case 'pilotage':
    case 'pilotage-print':
      return pilotageHref(route);
    case 'avis':
      return '#/mon-avis';
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefFor(route);
  if (options.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
