import { useEffect, useState } from 'preact/hooks';
import type { AppUpdates } from '../pwa/register-sw';

/**
 * Offers a waiting new version. While a form is open the update waits: activating it reloads
 * the page, and the agent should not see the form jump, even though the draft is saved.
 */
export function UpdateBanner({ updates, editing }: { updates: AppUpdates; editing: boolean }) {
  const [ready, setReady] = useState(false);
  useEffect(() => updates.onUpdateReady(() => setReady(true)), [updates]);
  if (!ready) return null;
  return (
    <div class="update-banner" role="status">
      <span>Nouvelle version disponible.</span>
      {editing ? (
        <span>Elle sera proposée quand le formulaire en cours sera enregistré ou quitté.</span>
      ) : (
        <button type="button" class="button-secondary" onClick={() => updates.applyUpdate()}>
          Mettre à jour
        </button>
      )}
    </div>
  );
}
