import { useState } from 'preact/hooks';
import { AdminRefusal } from '../AdminRefusal';
import type { ImportReport } from '../../../shared/guide/import-report';
import type { Session } from '../../db/session';
import { describeError, HttpError } from '../../sync/api-client';
import { useServices } from '../services';

type State =
  | { step: 'idle' }
  | { step: 'sending' }
  | { step: 'done'; report: ImportReport }
  | { step: 'failed'; message: string; detail?: string };

/**
 * Administrators upload a data·inclusion file (JSON or CSV) to the server's guide and read the
 * report. Needs the network: the import runs on the server, in one transaction.
 */
export function GuideAdmin({ session }: { session: Session }) {
  const { api } = useServices();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  if (session.agent.role !== 'administrateur') return <AdminRefusal title="Import du guide" />;

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (!file) return;
    setState({ step: 'sending' });
    try {
      setState({ step: 'done', report: await api.uploadGuide(session.token, file) });
    } catch (error) {
      const { message } = describeError(error);
      const detail =
        error instanceof HttpError && typeof error.details === 'string' ? error.details : undefined;
      setState({
        step: 'failed',
        message: error instanceof HttpError ? error.message : message,
        ...(detail ? { detail } : {}),
      });
    }
  }

  return (
    <main id="contenu" class="page">
      <h1>Import du guide des services</h1>
      <p class="lead">
        Fichier au format data·inclusion : JSON (structures et services) ou CSV (un fichier par
        type).
      </p>
      <form onSubmit={(e) => void onSubmit(e)}>
        <label for="guide-fichier">Fichier data·inclusion (JSON ou CSV)</label>
        <input
          id="guide-fichier"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        <div class="actions">
          <button type="submit" class="button-primary" disabled={!file || state.step === 'sending'}>
            {state.step === 'sending' ? 'Import en cours…' : 'Importer'}
          </button>
        </div>
      </form>
      {state.step === 'failed' && (
        <div class="alert alert-error" role="alert">
          <p>{state.message}</p>
          {state.detail && <p>{state.detail}</p>}
        </div>
      )}
      {state.step === 'done' && <ReportView report={state.report} />}
    </main>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const rows = [
    ['Structures', report.structures],
    ['Services', report.services],
  ] as const;
  return (
    <section aria-labelledby="rapport-titre" data-testid="import-report">
      <h2 id="rapport-titre" tabIndex={-1}>
        Rapport d’import
      </h2>
      <table class="report">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Nouveaux</th>
            <th scope="col">Mis à jour</th>
            <th scope="col">Inchangés</th>
            <th scope="col">Refusés</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, c]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{c.accepted}</td>
              <td>{c.updated}</td>
              <td>{c.unchanged}</td>
              <td>{c.refused}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.refusals.length > 0 && (
        <>
          <h3>Lignes refusées</h3>
          <ul>
            {report.refusals.map((r) => (
              <li key={`${r.line}-${r.kind}`}>
                Ligne {r.line}
                {r.id ? ` (${r.id})` : ''} : {r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
