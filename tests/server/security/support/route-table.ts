import type { z } from 'zod';
import { duplicateQuerySchema } from '../../../../shared/persons/duplicates';
import { pilotageQuerySchema } from '../../../../shared/pilotage/query';
import type { Role } from '../../../../shared/schemas/agent';
import { auditQuerySchema } from '../../../../shared/security/audit-api';
import { exportQuerySchema } from '../../../../shared/security/rgpd-api';
import { pullQuerySchema } from '../../../../shared/sync/protocol-v1';
import { agentQuerySchema } from '../../../../server/src/routes/admin';
import { newSession, visitPut } from '../../support/fixtures';
import { jsonFile, SERVICE_A, STRUCTURE_A } from '../../support/guide-files';
import { OTHER, OWN, type World } from './world';

export type Scope = 'own' | 'other';

/** What a cell expects: an HTTP status, a push outcome, or whether a pull shows the record. */
export type Expect = number | 'accepted' | 'forbidden_site' | 'sees' | 'hidden';

export interface Built {
  method: string;
  path: string;
  body?: unknown;
  /** Sent instead of the role's token. */
  token?: string;
}

export interface RouteSpec {
  /** `METHOD /path` as registered in the app (params as `:name`). */
  route: string;
  /** Needs a device token (401 without one). */
  auth: 'public' | 'device';
  /**
   * The request an agent of `role` sends for a resource of their own site or of another:
   * a valid request, so that the status says what authorization decided.
   */
  build(w: World, scope: Scope, role: Role): Built | Promise<Built>;
  /** Expected cell by role, `own/other` (or one value for both). */
  cells: Record<Role, string>;
  /**
   * For the fuzz test: the role that passes authorization, the schema the route parses its
   * query with (every key of it is fuzzed), and `page` for a route answering people with an
   * HTML page, whose unknown path parameter gets that page's French 404 (its title) not JSON.
   */
  fuzz: {
    role?: Role;
    query?: z.ZodObject;
    body?: 'strict' | 'loose' | 'raw';
    page?: string;
  };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;
const site = (scope: Scope) => (scope === 'own' ? OWN : OTHER);

/** One value per role, in this order: puericultrice, autonomie, numerique, social, cadre, admin. */
function byRole(...cells: [string, string, string, string, string, string]): Record<Role, string> {
  const [
    puericultrice,
    conseillere_autonomie,
    conseiller_numerique,
    travailleur_social,
    cadre,
    administrateur,
  ] = cells;
  return {
    puericultrice,
    conseillere_autonomie,
    conseiller_numerique,
    travailleur_social,
    cadre,
    administrateur,
  };
}

const FORM = {
  formId: 'matrice-essai',
  version: 1,
  title: 'Matrice (essai)',
  roles: ['travailleur_social'],
  sections: [{ id: 's', title: 'S', fields: [{ type: 'text', id: 'nom', label: 'Nom' }] }],
};

/**
 * THE table: every route of the server, and for every role the status it gets on a resource
 * of its own site and of another site. The matrix test runs each cell; the fuzz test sends
 * malformed requests to each route; both fail when the app has a route this table lacks.
 * Kept whole in one file, over 300 lines on purpose: one row per route, read as the one
 * matrix it is, and a new route is one row added here.
 */
export const ROUTES: RouteSpec[] = [
  {
    route: 'GET /api/v1/health',
    auth: 'public',
    build: () => ({ method: 'GET', path: '/api/v1/health' }),
    //           puéricultrice autonomie  numérique  social     cadre      administrateur
    cells: byRole('200', '200', '200', '200', '200', '200'),
    fuzz: {},
  },
  {
    route: 'POST /api/v1/auth/login',
    auth: 'public',
    build: (w, _scope, role) => ({
      method: 'POST',
      path: '/api/v1/auth/login',
      body: {
        login: w.sessions[role].agent.login,
        password: w.sessions[role].password,
        deviceName: 'Matrice',
      },
    }),
    cells: byRole('200', '200', '200', '200', '200', '200'),
    fuzz: { body: 'loose' },
  },
  {
    route: 'POST /api/v1/auth/logout',
    auth: 'device',
    // Its own fresh session: logging out ends the token the other cells use.
    build: async (w, _scope, role) => {
      const session = await newSession(w.server, [OWN], role);
      return { method: 'POST', path: '/api/v1/auth/logout', token: session.token };
    },
    cells: byRole('204', '204', '204', '204', '204', '204'),
    fuzz: {},
  },
  {
    route: 'POST /api/v1/sync/push',
    auth: 'device',
    build: (w, scope, role) => ({
      method: 'POST',
      path: '/api/v1/sync/push',
      body: { v: 1, deviceId: w.sessions[role].deviceId, mutations: [visitPut(site(scope))] },
    }),
    cells: byRole(
      'accepted/forbidden_site',
      'accepted/forbidden_site',
      'accepted/forbidden_site',
      'accepted/forbidden_site',
      'accepted/forbidden_site',
      'forbidden_site/forbidden_site',
    ),
    fuzz: { role: 'travailleur_social', body: 'loose' },
  },
  {
    route: 'GET /api/v1/sync/pull',
    auth: 'device',
    build: () => ({ method: 'GET', path: '/api/v1/sync/pull?limit=1000' }),
    cells: byRole(
      'sees/hidden',
      'sees/hidden',
      'sees/hidden',
      'sees/hidden',
      'sees/hidden',
      'hidden/hidden',
    ),
    fuzz: { role: 'travailleur_social', query: pullQuerySchema },
  },
  {
    route: 'POST /api/v1/guide/import',
    auth: 'device',
    build: () => ({
      method: 'POST',
      path: '/api/v1/guide/import',
      body: new Uint8Array(jsonFile({ structures: [STRUCTURE_A], services: [SERVICE_A] })),
    }),
    cells: byRole('403', '403', '403', '403', '403', '200'),
    fuzz: { role: 'administrateur', body: 'raw' },
  },
  {
    route: 'POST /api/v1/forms',
    auth: 'device',
    build: () => ({ method: 'POST', path: '/api/v1/forms', body: FORM }),
    cells: byRole('403', '403', '403', '403', '403', '201'),
    fuzz: { role: 'administrateur', body: 'loose' },
  },
  {
    route: 'GET /api/v1/admin/agents',
    auth: 'device',
    build: () => ({ method: 'GET', path: '/api/v1/admin/agents' }),
    cells: byRole('403', '403', '403', '403', '403', '200'),
    fuzz: { role: 'administrateur' },
  },
  {
    route: 'POST /api/v1/admin/agents',
    auth: 'device',
    build: (_w, scope) => ({
      method: 'POST',
      path: '/api/v1/admin/agents',
      body: {
        login: unique('nouvel.agent'),
        displayName: 'Nouvel agent',
        role: 'travailleur_social',
        siteIds: [site(scope)],
        password: 'un-mot-de-passe-long',
      },
    }),
    cells: byRole('403', '403', '403', '403', '403', '201'),
    fuzz: { role: 'administrateur', body: 'strict' },
  },
  {
    route: 'PATCH /api/v1/admin/agents/:id',
    auth: 'device',
    build: (w, scope) => ({
      method: 'PATCH',
      path: `/api/v1/admin/agents/${w.agent[scope].agent.id}`,
      body: { displayName: `Agent ${scope}` },
    }),
    cells: byRole('403', '403', '403', '403', '403', '200'),
    fuzz: { role: 'administrateur', body: 'strict' },
  },
  {
    route: 'POST /api/v1/admin/agents/:id/password',
    auth: 'device',
    build: async (w, scope) => {
      const target = await newSession(w.server, [site(scope)]);
      return {
        method: 'POST',
        path: `/api/v1/admin/agents/${target.agent.id}/password`,
        body: { password: 'un-nouveau-mot-de-passe' },
      };
    },
    cells: byRole('403', '403', '403', '403', '403', '204'),
    fuzz: { role: 'administrateur', body: 'strict' },
  },
  {
    route: 'GET /api/v1/admin/sites',
    auth: 'device',
    build: () => ({ method: 'GET', path: '/api/v1/admin/sites' }),
    cells: byRole('403', '403', '403', '403', '403', '200'),
    fuzz: { role: 'administrateur' },
  },
  {
    route: 'POST /api/v1/admin/sites',
    auth: 'device',
    build: () => ({
      method: 'POST',
      path: '/api/v1/admin/sites',
      body: {
        id: unique('antenne'),
        name: 'Antenne de test',
        kind: 'antenne',
        communeInsee: '41018',
        communeName: 'Blois',
        latitude: 47.59,
        longitude: 1.33,
      },
    }),
    cells: byRole('403', '403', '403', '403', '403', '201'),
    fuzz: { role: 'administrateur', body: 'strict' },
  },
  {
    route: 'PATCH /api/v1/admin/sites/:id',
    auth: 'device',
    build: (_w, scope) => ({
      method: 'PATCH',
      path: `/api/v1/admin/sites/${site(scope)}`,
      body: { latitude: scope === 'own' ? 47.5861 : 47.7926 },
    }),
    cells: byRole('403', '403', '403', '403', '403', '200'),
    fuzz: { role: 'administrateur', body: 'strict' },
  },
  {
    route: 'GET /api/v1/admin/devices',
    auth: 'device',
    build: (w, scope) => ({
      method: 'GET',
      path: `/api/v1/admin/devices?agentId=${w.agent[scope].agent.id}`,
    }),
    cells: byRole('403', '403', '403', '403', '403', '200'),
    fuzz: { role: 'administrateur', query: agentQuerySchema },
  },
  {
    route: 'POST /api/v1/admin/devices/:id/revoke',
    auth: 'device',
    build: async (w, scope) => {
      const target = await newSession(w.server, [site(scope)]);
      return { method: 'POST', path: `/api/v1/admin/devices/${target.deviceId}/revoke` };
    },
    cells: byRole('403', '403', '403', '403', '403', '200'),
    fuzz: { role: 'administrateur' },
  },
  {
    route: 'GET /api/v1/audit',
    auth: 'device',
    build: (_w, scope) => ({ method: 'GET', path: `/api/v1/audit?siteId=${site(scope)}` }),
    cells: byRole('403', '403', '403', '403', '200/403', '200'),
    fuzz: { role: 'cadre', query: auditQuerySchema },
  },
  {
    route: 'GET /api/v1/pilotage',
    auth: 'device',
    // Aggregates only. A cadre sees the territory of their MDS (Blois: Centre), not Vendôme (Nord).
    build: (_w, scope) => ({
      method: 'GET',
      path: `/api/v1/pilotage?from=2026-01-01&to=2026-12-31&siteId=${site(scope)}`,
    }),
    cells: byRole('403', '403', '403', '403', '200/403', '200'),
    fuzz: { role: 'cadre', query: pilotageQuerySchema },
  },
  {
    route: 'GET /api/v1/persons/duplicates',
    auth: 'device',
    // A search of the whole département by name: the same answer for either site.
    build: () => ({
      method: 'GET',
      path: '/api/v1/persons/duplicates?lastName=Martin&firstName=Paul',
    }),
    cells: byRole('200', '200', '200', '200', '200', '403'),
    fuzz: { role: 'travailleur_social', query: duplicateQuerySchema },
  },
  {
    route: 'GET /api/v1/rgpd/visits/:id/export',
    auth: 'device',
    build: (w, scope) => ({ method: 'GET', path: `/api/v1/rgpd/visits/${w.visit[scope]}/export` }),
    cells: byRole('403', '403', '403', '403', '200/404', '403'),
    fuzz: { role: 'cadre', query: exportQuerySchema },
  },
  {
    route: 'GET /api/v1/rgpd/persons/:id/export',
    auth: 'device',
    build: (w, scope) => ({
      method: 'GET',
      path: `/api/v1/rgpd/persons/${w.person[scope]}/export?format=html`,
    }),
    cells: byRole('403', '403', '403', '403', '200/404', '403'),
    fuzz: { role: 'cadre', query: exportQuerySchema },
  },
  {
    route: 'PATCH /api/v1/rgpd/persons/:id',
    auth: 'device',
    build: (w, scope) => ({
      method: 'PATCH',
      path: `/api/v1/rgpd/persons/${w.person[scope]}`,
      body: { phone: '02 54 00 00 00' },
    }),
    cells: byRole('403', '403', '403', '403', '200/404', '403'),
    fuzz: { role: 'cadre', body: 'strict' },
  },
  {
    route: 'GET /api/v1/rgpd/retention',
    auth: 'device',
    build: () => ({ method: 'GET', path: '/api/v1/rgpd/retention' }),
    cells: byRole('403', '403', '403', '403', '200', '200'),
    fuzz: { role: 'cadre' },
  },
  {
    route: 'PUT /api/v1/rgpd/retention/:entity',
    auth: 'device',
    build: () => ({
      method: 'PUT',
      path: '/api/v1/rgpd/retention/task',
      body: { retentionDays: 730 },
    }),
    cells: byRole('403', '403', '403', '403', '403', '200'),
    fuzz: { role: 'administrateur', body: 'strict' },
  },
  {
    route: 'POST /api/v1/rgpd/purge',
    auth: 'device',
    build: () => ({ method: 'POST', path: '/api/v1/rgpd/purge' }),
    cells: byRole('403', '403', '403', '403', '403', '200'),
    fuzz: { role: 'administrateur' },
  },
  {
    route: 'GET /fiche/:serviceId',
    auth: 'public',
    build: (w) => ({ method: 'GET', path: `/fiche/${w.serviceId}` }),
    cells: byRole('200', '200', '200', '200', '200', '200'),
    fuzz: { page: 'Fiche introuvable' },
  },
];

/** The expectation of one cell. */
export function cellOf(spec: RouteSpec, role: Role, scope: Scope): Expect {
  const [own = '', other = own] = spec.cells[role].split('/');
  const value = scope === 'own' ? own : other;
  return /^\d+$/.test(value) ? Number(value) : (value as Expect);
}
