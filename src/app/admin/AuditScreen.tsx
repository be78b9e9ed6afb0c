import { useState } from 'preact/hooks';
import {
  auditActionLabels,
  auditActions,
  type AuditEntryView,
  type AuditQuery,
} from '../../../shared/security/audit-api';
import type { Session } from '../../db/session';
import { countOf, formatInstant } from '../format';
import { officeErrorMessage, useOfficeApi } from './use-office';

type Filters = Pick<AuditQuery, 'siteId' | 'action' | 'personId' | 'entityId' | 'agentId'> & {
  fromDate?: string;
  toDate?: string;
};

const PAGE_SIZE = 100;

/**
 * Who read and who wrote the records of people, newest first: the cadre sees their sites, an
 * administrator every site. Filters by site, action, person, record, agent and dates; older
 * entries page by page. Online only.
 */
export function AuditScreen({ session }: { session: Session }) {
  const office = useOfficeApi(session);
  const [filters, setFilters] = useState<Filters>({});
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(before?: number) {
    setBusy(true);
    setError(null);
    try {
      const page = await office.auditLog({
        siteId: filters.siteId,
        action: filters.action,
        personId: filters.personId?.trim(),
        entityId: filters.entityId?.trim(),
        agentId: filters.agentId?.trim(),
        from: filters.fromDate ? new Date(`${filters.fromDate}T00:00:00`).toISOString() : undefined,
        to: filters.toDate ? new Date(`${filters.toDate}T23:59:59.999`).toISOString() : undefined,
        limit: PAGE_SIZE,
        before,
      });
      setEntries((current) => (before && current ? [...current, ...page.entries] : page.entries));
      setNextBefore(page.nextBefore);
    } catch (e) {
      setError(officeErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const set = (change: Partial<Filters>) => setFilters((current) => ({ ...current, ...change }));
  const input = (key: 'personId' | 'entityId' | 'agentId', label: string) => (
    <label>
      {label}
      <input value={filters[key] ?? ''} onInput={(e) => set({ [key]: e.currentTarget.value })} />
    </label>
  );

  return (
    <main id="contenu" class="page admin">
      <h1>Journal des accès</h1>
      <p class="lead">
        Chaque lecture (synchronisation d’une tablette, export) et chaque écriture d’un dossier est
        inscrite ici ; le journal ne peut être ni modifié ni effacé.
      </p>
      <form
        class="admin-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label>
          Site
          <select
            value={filters.siteId ?? ''}
            onChange={(e) => set({ siteId: e.currentTarget.value || undefined })}
          >
            <option value="">
              {session.agent.role === 'administrateur' ? 'Tous les sites' : 'Tous mes sites'}
            </option>
            {session.agent.siteIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Action
          <select
            value={filters.action ?? ''}
            onChange={(e) =>
              set({ action: (e.currentTarget.value || undefined) as Filters['action'] })
            }
          >
            <option value="">Toutes</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {auditActionLabels[action]}
              </option>
            ))}
          </select>
        </label>
        {input('personId', 'Identifiant de la personne')}
        {input('entityId', 'Identifiant de l’enregistrement')}
        {input('agentId', 'Identifiant de l’agent')}
        <label>
          Du
          <input
            type="date"
            value={filters.fromDate ?? ''}
            onInput={(e) => set({ fromDate: e.currentTarget.value || undefined })}
          />
        </label>
        <label>
          Au
          <input
            type="date"
            value={filters.toDate ?? ''}
            onInput={(e) => set({ toDate: e.currentTarget.value || undefined })}
          />
        </label>
        <div class="actions">
          <button type="submit" class="button-primary" disabled={busy}>
            {busy ? 'Recherche…' : 'Afficher'}
          </button>
        </div>
      </form>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {entries && (
        <>
          <p role="status" aria-live="polite">
            {countOf(entries.length, 'entrée affichée', 'entrées affichées')}
          </p>
          <table class="admin-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Agent</th>
                <th scope="col">Action</th>
                <th scope="col">Enregistrement</th>
                <th scope="col">Personne</th>
                <th scope="col">Site</th>
                <th scope="col">Par</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatInstant(entry.at)}</td>
                  <td>{entry.agentName}</td>
                  <td>{auditActionLabels[entry.action]}</td>
                  <td>
                    {entry.entity} {entry.entityId}
                  </td>
                  <td>{entry.personId ?? '—'}</td>
                  <td>{entry.siteId ?? '—'}</td>
                  <td>{entry.via}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {nextBefore !== undefined && (
            <div class="actions">
              <button
                type="button"
                class="button-secondary"
                disabled={busy}
                onClick={() => void load(nextBefore)}
              >
                Entrées plus anciennes
              </button>
            </div>
          )}
        </>
      )}
    </main>
  );
}
