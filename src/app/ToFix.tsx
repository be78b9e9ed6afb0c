import { observe } from '../db/observe';
import { listNeedingAttention } from '../db/outbox';
import { rejectionMessage } from '../../shared/errors';
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
      ? [{ path: String((item as { path?: unknown }).path ?? ''), message: String((item as { message: unknown }).message) }]
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
              <p class="sync-refused">{rejectionMessage(row.reason?.code ?? '', row.reason?.message)}</p>
              <ul>
                {fieldIssues(row.reason?.details).map((issue) => (
                  <li key={issue.path}>
                    {issue.path} : {issue.message}
                  </li>
                ))}
              </ul>
              <p class="meta">Enregistré le {new Date(row.at).toLocaleString('fr-FR')}</p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
