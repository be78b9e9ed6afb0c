import { rejectionMessage } from '../../shared/errors';
import { discardRefused, reopenAsDraft } from '../db/corrections';
import { observe } from '../db/observe';
import { listNeedingAttention } from '../db/outbox';
import type { OutboxRow } from '../db/rows';
import { navigate } from './router';
import { useServices } from './services';
import { useObservable } from './use-observable';

interface FieldIssue {
  path: string;
  message: string;
}

function fieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((item) =>
    typeof item === 'object' && item !== null && 'message' in item
      ? [
          {
            path: String((item as { path?: unknown }).path ?? ''),
            message: String((item as { message: unknown }).message),
          },
        ]
      : [],
  );
}

/**
 * "À corriger": what the server refused, with its reason. These records stay on the tablet
 * and never block the others; nothing here is deleted without the agent's decision.
 */
export function ToFix() {
  const { db } = useServices();
  const rows = useObservable(() => observe(() => listNeedingAttention(db)), [db]);
  if (rows === undefined) return <p>Chargement…</p>;
  return (
    <main id="contenu" class="page">
      <h1>À corriger</h1>
      {rows.length === 0 ? (
        <p>Rien à corriger : le serveur a accepté tout ce qui a été envoyé.</p>
      ) : (
        <ul class="cards">
          {rows.map((row) => (
            <li key={row.id} class="card" data-testid="to-fix-item">
              <h2>{row.entity === 'visit' ? 'Visite' : row.entity}</h2>
              <p class="sync-refused">
                {rejectionMessage(row.reason?.code ?? '', row.reason?.message)}
              </p>
              <ul>
                {fieldIssues(row.reason?.details).map((issue) => (
                  <li key={issue.path}>
                    {issue.path} : {issue.message}
                  </li>
                ))}
              </ul>
              <p class="meta">Enregistré le {new Date(row.at).toLocaleString('fr-FR')}</p>
              <Actions row={row} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function Actions({ row }: { row: OutboxRow }) {
  const { db, sync } = useServices();
  const name = (row.data as { answers?: { personName?: unknown } }).answers?.personName;
  const label = typeof name === 'string' ? name : 'cet enregistrement';

  async function onFix() {
    const draft = await reopenAsDraft(db, row.id);
    navigate({ name: 'draft', id: draft.id });
  }

  async function onDiscard() {
    if (!confirm(`Supprimer définitivement ${label} ? Il ne sera jamais envoyé au serveur.`))
      return;
    await discardRefused(db, row.id);
    void sync.syncNow('button');
  }

  return (
    <div class="actions">
      {row.entity === 'visit' && row.op === 'put' && (
        <button type="button" class="button-primary" onClick={() => void onFix()}>
          Corriger et renvoyer
        </button>
      )}
      <button type="button" class="button-secondary" onClick={() => void onDiscard()}>
        Supprimer
      </button>
    </div>
  );
}
