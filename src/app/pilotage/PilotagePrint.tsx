import { summarize } from '../../../shared/pilotage/summarize';
import { hrefFor } from '../router';
import { DataTable } from './DataTable';
import type { PilotageRoute } from './pilotage-routes';
import { periodText } from './PilotageScreens';
import type { ReportState } from './use-pilotage-report';

/**
 * The annual review ready to print (or save as PDF from the print dialog): every table with
 * its summary, on white, without the app's header, menus or buttons (pilotage.css).
 */
export function PilotagePrint({ state, route }: { state: ReportState; route: PilotageRoute }) {
  return (
    <main id="contenu" class="page pilotage-print">
      <div class="page-header no-print">
        <a class="button-secondary" href={hrefFor({ name: 'pilotage', query: route.query })}>
          Retour au pilotage
        </a>
        <button type="button" class="button-primary" onClick={() => window.print()}>
          Imprimer
        </button>
      </div>
      <h1>Bilan annuel des Maisons des Solidarités</h1>
      {state.step === 'loading' && <p class="loading">Calcul des chiffres…</p>}
      {state.step === 'failed' && (
        <p class="alert alert-error" role="alert">
          {state.message}
        </p>
      )}
      {state.step === 'ready' && (
        <>
          <p class="lead">
            <strong>{state.report.scope.label}</strong>, période {periodText(state.report)}.
            Chiffres agrégés ; toute valeur qui compte moins de 5 personnes est masquée, ainsi que
            celles qui permettraient de la retrouver par différence (secret statistique).
          </p>
          {Object.values(state.report.tables).map((table) => (
            <section class="print-section" key={table.id} aria-labelledby={`bilan-${table.id}`}>
              <h2 id={`bilan-${table.id}`}>{table.title}</h2>
              <p>{summarize(table)}</p>
              <DataTable table={table} />
            </section>
          ))}
        </>
      )}
    </main>
  );
}
