import { useState } from 'preact/hooks';

/**
 * "Signer", then an explicit confirmation: a signed visit can no longer be changed (only
 * corrected by a new visit), so one tap is never enough.
 */
export function SignPanel(props: {
  onRequest: () => boolean;
  onConfirm: () => Promise<void>;
  onAbandon: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (confirming) {
    return (
      <div class="sign-confirm" role="group" aria-labelledby="signer-titre">
        <p id="signer-titre">
          <strong>Signer la visite ?</strong> Une visite signée ne peut plus être modifiée ; une
          erreur se corrige par une nouvelle visite.
        </p>
        <div class="actions">
          <button
            type="button"
            class="button-primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void props.onConfirm().finally(() => setBusy(false));
            }}
          >
            Confirmer la signature
          </button>
          <button type="button" class="button-secondary" onClick={() => setConfirming(false)}>
            Revenir au formulaire
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="actions">
      <button type="button" class="button-primary" onClick={() => setConfirming(props.onRequest())}>
        Signer
      </button>
      <button type="button" class="button-secondary" onClick={props.onAbandon}>
        Abandonner le brouillon
      </button>
    </div>
  );
}
