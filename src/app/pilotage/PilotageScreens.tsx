import type { PilotageReport, PilotageTableId } from '../../../shared/pilotage/report';
import { frenchDate } from '../../../shared/pilotage/table-grid';
import type { Session } from '../../db/session';
import { AdminRefusal } from '../AdminRefusal';
import { hrefFor, navigate } from '../router';
import { ChartFigure } from './ChartFigure';
import type { ChartKind } from './draw-chart';
import { PilotageFilters } from './PilotageFilters';
import { PilotagePrint } from './PilotagePrint';
import type { PilotageRoute } from './pilotage-routes';
import { usePilotageReport } from './use-pilotage-report';
import './pilotage.css';

/** The figures of the page, in reading order, each with the chart that suits it. */
const FIGURES: ReadonlyArray<{ id: PilotageTableId; kind: ChartKind }> = [
  { id: 'personsFollowed', kind: 'bar' },
  { id: 'visitsByMonth', kind: 'line' },
  { id: 'visitsBySite', kind: 'map' },
  { id: 'visitsByProfession', kind: 'bar' },
  { id: 'visitsByForm', kind: 'bar' },
  { id: 'visitsByPlace', kind: 'bar' },
  { id: 'girDistribution', kind: 'bar' },
  { id: 'epds', kind: 'bar' },
  { id: 'digitalThemes', kind: 'bar' },
  { id: 'digitalDurations', kind: 'bar' },
  { id: 'referrals', kind: 'bar' },
  { id: 'lateTasks', kind: 'bar' },
  { id: 'avis', kind: 'bar' },
];

export function periodText(report: PilotageReport): string {
  const { period, previousPeriod } = report;
  return `du ${frenchDate(period.from)} au ${frenchDate(period.to)}, comparée à celle du ${frenchDate(previousPeriod.from)} au ${frenchDate(previousPeriod.to)}`;
}

/**
 * Pilotage (cadres, administrators; online): the figures of the annual review and of social
 * observation for a period and a territory or MDS, computed and masked by the server.
 */
export function PilotageScreens({ route, session }: { route: PilotageRoute; session: Session }) {
  const state = usePilotageReport(session.token, route.query);
  if (session.agent.role !== 'cadre' && session.agent.role !== 'administrateur') {
    return <AdminRefusal title="Pilotage" />;
  }
  if (route.name === 'pilotage-print') return <PilotagePrint state={state} route={route} />;
  const report = state.step === 'ready' ? state.report : undefined;
  return (
    <main id="contenu" class="page pilotage">
      <div class="page-header">
        <h1>Pilotage</h1>
        <a class="button-secondary" href={hrefFor({ name: 'pilotage-print', query: route.query })}>
          Bilan annuel imprimable
        </a>
      </div>
      <p class="lead">
        Chiffres agrégés pour les bilans annuels et l’observation sociale. Toute valeur qui compte
        moins de 5 personnes est masquée, ainsi que celles qui permettraient de la retrouver par
        différence avec un total (secret statistique) ; aucun nom n’apparaît.
      </p>
      <PilotageFilters
        key={JSON.stringify(route.query)}
        query={route.query}
        choices={report?.choices}
        onChange={(query) => navigate({ name: 'pilotage', query })}
      />
      <div aria-live="polite">
        {state.step === 'loading' && <p class="loading">Calcul des chiffres…</p>}
        {state.step === 'failed' && (
          <p class="alert alert-error" role="alert">
            {state.message}
          </p>
        )}
        {report && (
          <p class="scope-line">
            <strong>{report.scope.label}</strong>, période {periodText(report)}.
          </p>
        )}
      </div>
      {report &&
        FIGURES.map(({ id, kind }) => (
          <ChartFigure
            key={`${id}-${JSON.stringify(route.query)}`}
            table={report.tables[id]}
            kind={kind}
            periods={report}
            sites={report.choices.sites}
          />
        ))}
    </main>
  );
}
