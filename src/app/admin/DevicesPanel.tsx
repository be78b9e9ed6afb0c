import { useState } from 'preact/hooks';
import type { AdminDevice } from '../../../shared/security/admin-api';
import type { Session } from '../../db/session';
import { formatInstant } from '../format';
import { officeErrorMessage, useLoaded, useOfficeApi } from './use-office';

/**
 * Tablets registered by logins. Revoking one refuses its token at once; at its next contact
 * the tablet wipes the personal data it holds (keeping only unsent records, encrypted).
 */
export function DevicesPanel({ session }: { session: Session }) {
  const office = useOfficeApi(session);
  const devices = useLoaded(() => office.devices(), [session.token]);
  const [confirming, setConfirming] = useState<AdminDevice | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function revoke(device: AdminDevice) {
    setError(null);
    try {
      await office.revokeDevice(device.id);
      setConfirming(null);
      setStatus(`Tablette « ${device.name} » de ${device.agentName} révoquée.`);
      devices.reload();
    } catch (e) {
      setError(officeErrorMessage(e));
    }
  }

  return (
    <section aria-labelledby="tablettes-titre">
      <h2 id="tablettes-titre">Tablettes</h2>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {(devices.error ?? error) && (
        <p class="alert alert-error" role="alert">
          {devices.error ?? error}
        </p>
      )}
      {confirming && (
        <div class="alert" role="alertdialog" aria-labelledby="revoquer-titre">
          <p id="revoquer-titre">
            Révoquer la tablette « {confirming.name} » de {confirming.agentName} ? Elle sera refusée
            immédiatement et effacera ses données personnelles à sa prochaine connexion.
          </p>
          <div class="actions">
            <button type="button" class="button-primary" onClick={() => void revoke(confirming)}>
              Révoquer
            </button>
            <button type="button" class="button-secondary" onClick={() => setConfirming(null)}>
              Annuler
            </button>
          </div>
        </div>
      )}
      {devices.value && (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Tablette</th>
              <th scope="col">Agent</th>
              <th scope="col">Dernier contact</th>
              <th scope="col">État</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {devices.value.map((device) => (
              <tr key={device.id}>
                <th scope="row">{device.name}</th>
                <td>
                  {device.agentName} ({device.agentLogin})
                </td>
                <td>{formatInstant(device.lastSeenAt)}</td>
                <td class={device.revokedAt ? 'status-off' : 'status-ok'}>{stateOf(device)}</td>
                <td>
                  {!device.revokedAt && (
                    <button
                      type="button"
                      class="button-secondary"
                      onClick={() => setConfirming(device)}
                    >
                      Révoquer<span class="visually-hidden"> {device.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function stateOf(device: AdminDevice): string {
  if (device.revokedAt) return `Révoquée le ${formatInstant(device.revokedAt)}`;
  if (device.loggedOutAt) return 'Déconnectée';
  if (device.tokenExpiresAt === null) return 'Sans session';
  return 'Active';
}
