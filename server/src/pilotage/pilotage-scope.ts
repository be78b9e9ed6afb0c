import type { PilotageQuery, Territory } from '../../../shared/pilotage/query';
import { TERRITORY_LABELS } from '../../../shared/pilotage/query';
import type { PilotageSite } from '../../../shared/pilotage/report';
import type { Agent } from '../../../shared/schemas/agent';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';

export interface PilotageScope {
  label: string;
  siteIds: string[];
  /** Every site the agent may look at, and the territories they cover. */
  sites: PilotageSite[];
  territories: Territory[];
}

/**
 * Which sites an agent may see figures of, and which of them the query asks for. An
 * administrator sees the whole département. A cadre sees the territory (Nord, Centre, Sud) of
 * each of their sites: the figures of a territory's other MDS are what a manager compares
 * with, and they are aggregates only. A query outside that is 403 `forbidden`.
 */
export async function resolvePilotageScope(
  db: Queryable,
  agent: Agent,
  query: PilotageQuery,
): Promise<PilotageScope> {
  const all = await db.query<PilotageSite>(
    `SELECT s.id, s.name, t.territory, s.latitude, s.longitude
       FROM sites s LEFT JOIN commune_territories t ON t.commune_insee = s.commune_insee
      ORDER BY s.name`,
  );
  const own = new Set(agent.siteIds);
  const ownTerritories = new Set(all.filter((s) => own.has(s.id)).map((s) => s.territory));
  const sites =
    agent.role === 'administrateur'
      ? all
      : all.filter(
          (s) => own.has(s.id) || (s.territory !== null && ownTerritories.has(s.territory)),
        );
  const territories = [...new Set(sites.flatMap((s) => (s.territory ? [s.territory] : [])))].sort(
    (a, b) => ['nord', 'centre', 'sud'].indexOf(a) - ['nord', 'centre', 'sud'].indexOf(b),
  );
  const choices = { sites, territories };

  if (query.siteId !== undefined) {
    const site = sites.find((s) => s.id === query.siteId);
    if (!site)
      throw new ApiError(403, 'forbidden', [
        { path: 'siteId', message: 'MDS hors de votre périmètre.' },
      ]);
    return { ...choices, label: site.name, siteIds: [site.id] };
  }
  if (query.territory !== undefined) {
    if (!territories.includes(query.territory)) {
      throw new ApiError(403, 'forbidden', [
        { path: 'territory', message: 'Territoire hors de votre périmètre.' },
      ]);
    }
    const inTerritory = sites.filter((s) => s.territory === query.territory);
    return {
      ...choices,
      label: `Territoire ${TERRITORY_LABELS[query.territory]}`,
      siteIds: inTerritory.map((s) => s.id),
    };
  }
  const label =
    agent.role === 'administrateur'
      ? 'Tout le département'
      : `Mon périmètre (${territories.map((t) => TERRITORY_LABELS[t]).join(', ')})`;
  return { ...choices, label, siteIds: sites.map((s) => s.id) };
}
