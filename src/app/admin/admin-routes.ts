import type { Route } from '../router';

export type AdminTab = 'agents' | 'sites' | 'devices' | 'retention';
type AdminRoute = Extract<Route, { name: 'admin' | 'audit' }>;

const TAB_PATHS: Record<AdminTab, string> = {
  agents: '/administration/agents',
  sites: '/administration/sites',
  devices: '/administration/tablettes',
  retention: '/administration/conservation',
};

/** `#/administration/agents|sites|tablettes|conservation` (administrators) and `#/journal` (audit log). */
export function parseAdminRoute(path: string): AdminRoute | undefined {
  if (path === '/journal') return { name: 'audit' };
  if (path === '/administration') return { name: 'admin', tab: 'agents' };
  const tab = (Object.keys(TAB_PATHS) as AdminTab[]).find((t) => TAB_PATHS[t] === path);
  return tab ? { name: 'admin', tab } : undefined;
}

export function adminHref(route: AdminRoute): string {
  return route.name === 'audit' ? '#/journal' : `#${TAB_PATHS[route.tab]}`;
}
