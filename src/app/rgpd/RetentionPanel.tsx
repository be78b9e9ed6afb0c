import { useState } from 'preact/hooks';
import type { PurgeReport, RetentionPolicy } from '../../../shared/security/rgpd-api';
import type { Session } from '../../db/session';
import { useLoaded } from '../admin/use-office';
import { countOf, formatInstant } from '../format';
import { describePeriod } from './retention-format';
import { rgpdErrorMessage, useRgpdApi } from './use-rgpd';
import './rgpd.css';

/**
 * Retention (art. 5-1-e): the period kept for each record type, counted from the record's last
 * write on the server, read from the server. Cadres read them; administrators change them and
 * run the purge of what has expired (the same job as the server's daily `npm run purge`).
 */
export function RetentionPanel({ session }: { session: Session }) {
  const rgpd = useRgpdApi(session);
  const admin = session.agent.role === 'administrateur';
  const policies = useLoaded(() => rgpd.retention(), [session.token]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  return (
    <section class="card no-print" aria-labelledby="rgpd-conservation-titre">
      <h2 id="rgpd-conservation-titre">Durées de conservation</h2>
      <p>
        Chaque type d’enregistrement est effacé du serveur, puis des tablettes, quand sa durée est
        écoulée depuis sa dernière modification. Les durées sont fixées par le délégué à la
        protection des données du département.
        {admin
          ? ' La purge tourne chaque jour par la commande du serveur ; vous pouvez aussi la lancer ici.'
          : ' Un administrateur les modifie et lance la purge (elle tourne aussi chaque jour sur le serveur).'}
      </p>
      {(policies.error ?? error) && (
        <p class="alert alert-error" role="alert">
          {policies.error ?? error}
        </p>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
      {policies.value && (
        <table class="rgpd-table">
          <thead>
            <tr>
              <th scope="col">Type d’enregistrement</th>
              <th scope="col">Durée en vigueur</th>
              {admin && <th scope="col">Nouvelle durée (jours)</th>}
            </tr>
          </thead>
          <tbody>
            {policies.value.map((policy) => (
              <tr key={policy.entity}>
                <th scope="row">{policy.label}</th>
                <td>{describePeriod(policy.retentionDays)}</td>
                {admin && (
                  <td>
                    <PeriodEditor
                      policy={policy}
                      onSave={async (days) => {
                        setError(null);
                        try {
                          await rgpd.updateRetention(policy.entity, days);
                          setStatus(
                            `Durée enregistrée : ${policy.label} → ${describePeriod(days)}.`,
                          );
                          policies.reload();
                        } catch (e) {
                          setError(rgpdErrorMessage(e));
                        }
                      }}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && <PurgeControl session={session} />}
    </section>
  );
}

function PeriodEditor({
  policy,
  onSave,
}: {
  policy: RetentionPolicy;
  onSave: (days: number) => Promise<void>;
}) {
  const [days, setDays] = useState(String(policy.retentionDays));
  const [invalid, setInvalid] = useState(false);
  const id = `duree-${policy.entity}`;
  async function onSubmit(event: Event) {
    event.preventDefault();
    const value = Number(days);
    const valid = Number.isInteger(value) && value >= 1 && value <= 36_500;
    setInvalid(!valid);
    if (valid) await onSave(value);
  }
  return (
    <form class="rgpd-period" onSubmit={(e) => void onSubmit(e)} noValidate>
      <label for={id} class="visually-hidden">
        Nouvelle durée en jours : {policy.label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={36_500}
        value={days}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? `${id}-erreur` : undefined}
        onInput={(e) => setDays(e.currentTarget.value)}
      />
      <button type="submit" class="button-secondary">
        Enregistrer<span class="visually-hidden"> : {policy.label}</span>
      </button>
      {invalid && (
        <p class="field-error" id={`${id}-erreur`}>
          Indiquez un nombre entier de jours, de 1 à 36 500 (100 ans).
        </p>
      )}
    </form>
  );
}

/** Administrators: the purge of expired records, now, after a confirmation. */
function PurgeControl({ session }: { session: Session }) {
  const rgpd = useRgpdApi(session);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<PurgeReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function purge() {
    setBusy(true);
    setError(null);
    try {
      setReport(await rgpd.purge());
      setConfirming(false);
    } catch (e) {
      setError(rgpdErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="rgpd-purge">
      <h3>Purge des enregistrements expirés</h3>
      {!confirming && (
        <button type="button" class="button-secondary" onClick={() => setConfirming(true)}>
          Lancer la purge maintenant
        </button>
      )}
      {confirming && (
        <div class="alert" role="alertdialog" aria-labelledby="purge-titre">
          <p id="purge-titre">
            Effacer définitivement du serveur tous les enregistrements dont la durée de conservation
            est écoulée ? Les tablettes les effaceront à leur prochaine synchronisation. Chaque
            effacement est inscrit au journal des accès.
          </p>
          <div class="actions">
            <button
              type="button"
              class="button-primary"
              disabled={busy}
              onClick={() => void purge()}
            >
              Purger
            </button>
            <button type="button" class="button-secondary" onClick={() => setConfirming(false)}>
              Annuler
            </button>
          </div>
        </div>
      )}
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div role="status">
          <p>Purge faite le {formatInstant(report.purgedAt)} :</p>
          <ul>
            {report.entities.map((entity) => (
              <li key={entity.entity}>
                {entity.label} : {countOf(entity.purged, 'effacé', 'effacés')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
