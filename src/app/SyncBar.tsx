import { useEffect, useState } from 'preact/hooks';
import { observe } from '../db/observe';
import { countNeedingAttention, countPending, countPendingAfter } from '../db/outbox';
import { readSyncStatus } from '../db/sync-status';
import { formatInstant } from './format';
import { StorageLine } from './StorageLine';
import { hrefFor } from './router';
import { useServices } from './services';
import { useObservable } from './use-observable';

function useNavigatorOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * Always visible: online or not, what waits, the last successful sync, progress, and the
 * "Synchroniser" button. Read from IndexedDB, so every open tab shows the same thing.
 */
export function SyncBar() {
  const { db, sync } = useServices();
  const online = useNavigatorOnline();
  const state = useObservable(
    () =>
      observe(async () => {
        const status = await readSyncStatus(db);
        // During a run, from its progress: counting the whole queue after every batch would
        // cost the tablet more than sending it (IndexedDB counts row by row).
        const run = status.phase === 'idle' ? undefined : status.progress;
        return {
          status,
          pending:
            run?.horizon === undefined
              ? await countPending(db)
              : Math.max(0, run.total - run.done) + (await countPendingAfter(db, run.horizon)),
          toFix: await countNeedingAttention(db),
        };
      }),
    [db],
  );
  if (state === undefined) return null;
  const { status, pending, toFix } = state;
  const connected = online && status.reachable;
  const running = status.phase !== 'idle';

  return (
    <section class="sync-bar" aria-label="Synchronisation">
      <span
        class={`pill ${connected ? 'pill-online' : 'pill-offline'}`}
        data-testid="network-state"
      >
        {connected ? 'En ligne' : 'Hors ligne'}
      </span>
      <span data-testid="pending-count" aria-live="polite">
        {pending === 0 ? 'Rien en attente' : `${pending} en attente d’envoi`}
      </span>
      {toFix > 0 && (
        <a href={hrefFor({ name: 'to-fix' })} class="pill pill-warning">
          {toFix} à corriger
        </a>
      )}
      <span class="sync-detail" aria-live="polite">
        {status.phase === 'pushing' && status.progress
          ? `Envoi ${status.progress.done.toLocaleString('fr-FR')} / ${status.progress.total.toLocaleString('fr-FR')}`
          : status.phase === 'pulling'
            ? status.pulled
              ? `Réception : ${status.pulled.toLocaleString('fr-FR')} mises à jour reçues…`
              : 'Réception des mises à jour…'
            : status.lastSuccessAt
              ? `Dernière synchronisation : ${formatInstant(status.lastSuccessAt)}`
              : 'Jamais synchronisé'}
      </span>
      {status.error && !running && (
        <span class="sync-error" role="status">
          {status.error.message}
        </span>
      )}
      <button type="button" class="button-secondary" onClick={() => void sync.syncNow('button')}>
        {running ? 'Synchronisation…' : 'Synchroniser'}
      </button>
      <StorageLine />
    </section>
  );
}
