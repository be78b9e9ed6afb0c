import { useState } from 'preact/hooks';
import type { Session } from '../../db/session';
import { todayIsoDate } from '../format';
import { ExportView } from './export-view';
import { exportFileName, saveFile } from './save-file';
import { rgpdErrorMessage, useRgpdApi } from './use-rgpd';

/**
 * Right of access (art. 15): everything the server holds on the person, as a JSON file to send
 * or as a readable page to show and print. Each export is written in the access journal by the
 * server before it answers.
 */
export function ExportSection({
  personId,
  personName,
  session,
}: {
  personId: string;
  personName: string;
  session: Session;
}) {
  const rgpd = useRgpdApi(session);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState<string | null>(null);
  const fileName = (extension: string) => exportFileName(personName, todayIsoDate(), extension);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      await work();
    } catch (e) {
      setError(rgpdErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const downloadJson = () =>
    run(async () => {
      const text = await rgpd.exportPerson(personId, 'json');
      const name = fileName('json');
      saveFile(name, 'application/json', `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      setStatus(`Export téléchargé : ${name}.`);
    });
  const showPage = () =>
    run(async () => {
      setPage(await rgpd.exportPerson(personId, 'html'));
      setStatus('Version lisible affichée ci-dessous.');
    });

  return (
    <section class="card" aria-labelledby="rgpd-acces-titre">
      <h2 id="rgpd-acces-titre" class="no-print">
        Droit d’accès : tout ce que le serveur détient
      </h2>
      <p class="no-print">
        La fiche, les suivis, les visites, les orientations, les tâches et le journal des accès qui
        les concernent. Chaque export est inscrit au journal des accès.
      </p>
      <div class="actions no-print">
        <button
          type="button"
          class="button-primary"
          disabled={busy}
          onClick={() => void downloadJson()}
        >
          Télécharger l’export (JSON)
        </button>
        <button
          type="button"
          class="button-secondary"
          disabled={busy}
          onClick={() => void showPage()}
        >
          Afficher la version lisible
        </button>
      </div>
      <p role="status" aria-live="polite" class="no-print">
        {busy ? 'Demande en cours…' : status}
      </p>
      {error && (
        <p class="alert alert-error no-print" role="alert">
          {error}
        </p>
      )}
      {page !== null && (
        <>
          <div class="actions no-print">
            <button type="button" class="button-primary" onClick={() => window.print()}>
              Imprimer
            </button>
            <button
              type="button"
              class="button-secondary"
              onClick={() => saveFile(fileName('html'), 'text/html', page)}
            >
              Télécharger la version lisible (HTML)
            </button>
          </div>
          <ExportView html={page} />
        </>
      )}
    </section>
  );
}
