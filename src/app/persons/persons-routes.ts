import type { Route } from '../router';

export type PersonsRoute = Extract<
  Route,
  {
    name:
      | 'persons'
      | 'person-new'
      | 'person'
      | 'person-orient'
      | 'person-sheet'
      | 'tasks'
      | 'referrals'
      | 'cadre';
  }
>;

const ID = '([0-9a-f-]{36})';

/**
 * Addresses of the person screens: `#/personnes` (caseload), `#/personnes/nouvelle`,
 * `#/personnes/<id>` (the file), `…/orienter`, `…/suivi` (the easy-to-read follow-up sheet),
 * `#/taches`, `#/orientations`, `#/cadre`.
 */
export function parsePersonsRoute(path: string): PersonsRoute | undefined {
  if (path === '/personnes') return { name: 'persons' };
  if (path === '/personnes/nouvelle') return { name: 'person-new' };
  if (path === '/taches') return { name: 'tasks' };
  if (path === '/orientations') return { name: 'referrals' };
  if (path === '/cadre') return { name: 'cadre' };
  const match = new RegExp(`^/personnes/${ID}(?:/(orienter|suivi))?$`).exec(path);
  if (!match) return undefined;
  const id = match[1]!;
  if (match[2] === 'orienter') return { name: 'person-orient', id };
  if (match[2] === 'suivi') return { name: 'person-sheet', id };
  return { name: 'person', id };
}

export function personsHref(route: PersonsRoute): string {
  switch (route.name) {
    case 'persons':
      return '#/personnes';
    case 'person-new':
      return '#/personnes/nouvelle';
    case 'person':
      return `#/personnes/${route.id}`;
    case 'person-orient':
      return `#/personnes/${route.id}/orienter`;
    case 'person-sheet':
      return `#/personnes/${route.id}/suivi`;
    case 'tasks':
      return '#/taches';
    case 'referrals':
      return '#/orientations';
    case 'cadre':
      return '#/cadre';
  }
}
