import type { Route } from '../router';

export type RgpdRoute = Extract<Route, { name: 'person-rgpd' }>;

/** `#/rgpd/personne/<id>`: the RGPD requests about one person (cadres of the person's site). */
export function parseRgpdRoute(path: string): RgpdRoute | undefined {
  const person = /^\/rgpd\/personne\/([0-9a-f-]{36})$/.exec(path);
  return person ? { name: 'person-rgpd', id: person[1]! } : undefined;
}

export function rgpdHref(route: RgpdRoute): string {
  return `#/rgpd/personne/${route.id}`;
}
