import { useEffect, useState } from 'preact/hooks';
import { isNearlyFull, readStorageState, type StorageState } from '../pwa/storage';

const STORAGE_REFRESH_MS = 60_000; // 1 minute

const formatBytes = (bytes: number): string =>
  bytes >= 1e9
    ? `${(bytes / 1e9).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Go`
    : `${Math.max(1, Math.round(bytes / 1e6)).toLocaleString('fr-FR')} Mo`;

/** How much of the tablet's space the app uses, a warning before it is full, and whether the data is protected from automatic clearing. */
export function StorageLine() {
  const [state, setState] = useState<StorageState | null>(null);
  useEffect(() => {
    const refresh = () => void readStorageState().then(setState);
    refresh();
    const timer = setInterval(refresh, STORAGE_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  if (state === null) return null;
  const full = isNearlyFull(state);
  return (
    <p
      class={full ? 'storage storage-warning' : 'storage'}
      data-testid="storage"
      role={full ? 'alert' : undefined}
    >
      {state.usageBytes !== undefined &&
        state.quotaBytes !== undefined &&
        `Stockage : ${formatBytes(state.usageBytes)} utilisés sur ${formatBytes(state.quotaBytes)}. `}
      {full &&
        'La tablette est presque pleine : synchronisez et libérez de l’espace avant de saisir d’autres visites. '}
      {!state.persisted &&
        'Données non protégées contre l’effacement automatique : installez l’application sur l’écran d’accueil.'}
    </p>
  );
}
