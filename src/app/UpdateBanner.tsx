import { useEffect, useState } from 'preact/hooks';
import { holdEditingLock, isAnyTabEditing } from '../pwa/editing-lock';
import type { AppUpdates } from '../pwa/register-sw';

/**
 * Offers a waiting new version. While a form is open, in this tab or another, the update
 * waits: activating it reloads the page, and the agent should not see the form jump nor type
 * into old code, even though the draft is saved. A tab whose new version was accepted in
 * another tab offers to reload.
 */
export function UpdateBanner({ updates, editing }: { updates: AppUpdates; editing: boolean }) {
  const [ready, setReady] = useState(false);
  const [reloadNeeded, setReloadNeeded] = useState(false);
  const [elsewhere, setElsewhere] = useState(false);
  useEffect(() => updates.onUpdateReady(() => setReady(true)), [updates]);
  useEffect(() => updates.onReloadNeeded(() => setReloadNeeded(true)), [updates]);
  useEffect(() => (editing ? holdEditingLock() : undefined), [editing]);

  async function onUpdate() {
    if (await isAnyTabEditing()) setElsewhere(true);
    else updates.applyUpdate();
  }

  if (reloadNeeded) {
    return (
      <div class="update-banner" role="status">
        <span>La nouvelle version a été installée depuis un autre onglet.</span>
        {editing ? (
          <span>Rechargez cette page après avoir enregistré ou quitté le formulaire.</span>
        ) : (
          <button type="button" class="button-secondary" onClick={() => window.location.reload()}>
            Recharger
          </button>
        )}
      </div>
    );
  }
  if (!ready) return null;
  return (
    <div class="update-banner" role="status">
      <span>Nouvelle version disponible.</span>
      {editing ? (
        <span>Elle sera proposée quand le formulaire en cours sera enregistré ou quitté.</span>
      ) : (
        <button type="button" class="button-secondary" onClick={() => void onUpdate()}>
          Mettre à jour
        </button>
      )}
      {elsewhere && !editing && (
        <span role="alert">
          Un formulaire est ouvert dans un autre onglet : enregistrez-le ou quittez-le d’abord.
        </span>
      )}
    </div>
  );
}
