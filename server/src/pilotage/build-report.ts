import { type PilotageQuery, previousPeriod } from '../../../shared/pilotage/query';
import { protectReport } from '../../../shared/pilotage/protect-report';
import type { PilotageReport } from '../../../shared/pilotage/report';
import type { Agent } from '../../../shared/schemas/agent';
import type { Queryable } from '../db/database';
import { avisTable } from './avis-table';
import { digitalDurationsTable, digitalThemesTable, epdsTable, girTable } from './form-figures';
import { lateTasksTable, personsFollowedTable, referralsTable } from './person-figures';
import { resolvePilotageScope } from './pilotage-scope';
import type { PeriodParams } from './period-visits';
import { visitCountTables } from './visit-counts';

/**
 * Every figure of the Pilotage page for one period and scope, computed by SQL aggregates and
 * masked before anything leaves the server: no row of a person, no name, no cell of 1 to 4
 * persons (shared/pilotage/cells.ts), and no other cell that would give one back by
 * subtraction (shared/pilotage/protect-report.ts).
 */
export async function buildPilotageReport(
  db: Queryable,
  agent: Agent,
  query: PilotageQuery,
  now: Date,
): Promise<PilotageReport> {
  const scope = await resolvePilotageScope(db, agent, query);
  const previous = previousPeriod(query);
  const params: PeriodParams = {
    previousFrom: previous.from,
    from: query.from,
    to: query.to,
    siteIds: scope.siteIds,
  };
  // Independent aggregates: on PostgreSQL they run side by side on the pool's connections (the
  // page is as slow as its slowest table); PGlite, one connection, queues them.
  const [
    personsFollowed,
    counts,
    girDistribution,
    epds,
    digitalThemes,
    digitalDurations,
    referrals,
    lateTasks,
    avis,
  ] = await Promise.all([
    personsFollowedTable(db, params, scope.sites),
    visitCountTables(db, params, scope.sites),
    girTable(db, params),
    epdsTable(db, params, scope.sites),
    digitalThemesTable(db, params),
    digitalDurationsTable(db, params),
    referralsTable(db, params),
    lateTasksTable(db, params, scope.sites, parisDay(now)),
    avisTable(db, params),
  ]);
  return protectReport({
    period: { from: query.from, to: query.to },
    previousPeriod: previous,
    scope: { label: scope.label, siteIds: scope.siteIds },
    choices: { sites: scope.sites, territories: scope.territories },
    tables: {
      personsFollowed,
      ...counts,
      girDistribution,
      epds,
      digitalThemes,
      digitalDurations,
      referrals,
      lateTasks,
      avis,
    },
  });
}

/** The day of `now` in Paris, `YYYY-MM-DD`: what "late" is measured against. */
function parisDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}
