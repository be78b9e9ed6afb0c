import { useState } from 'preact/hooks';
import {
  personFieldLabels,
  type PersonFieldName,
  type PersonValues,
} from '../../../shared/persons/person-fields';
import { rectifyPersonSchema } from '../../../shared/security/rgpd-api';
import type { LocalPerson } from '../../db/person-rows';
import type { Session } from '../../db/session';
import { CommuneCombobox } from '../CommuneCombobox';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { rgpdErrorMessage, useRgpdApi } from './use-rgpd';

/** The fields a rectification may correct here; household and consent are edited on the file. */
const FIELDS = [
  'lastName',
  'firstName',
  'birthDate',
  'address',
  'communeInsee',
  'phone',
  'email',
] as const satisfies readonly PersonFieldName[];
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;

const INPUT_TYPES: Partial<Record<Field, string>> = { birthDate: 'date', phone: 'tel' };

function draftOf(person: LocalPerson): Draft {
  const text = (name: Field) => {
    const value = person.fields[name]?.value;
    return typeof value === 'string' ? value : '';
  };
  return Object.fromEntries(FIELDS.map((name) => [name, text(name)])) as Draft;
}

/**
 * Right to rectification (art. 16), apart from the ordinary edit of the file: the server writes
 * the corrected values as the latest edit, so they replace the wrong ones on every tablet, even
 * one holding an unsent edit of the same field, and drops the conflicting values kept with
 * them. The server records who rectified which file in the access journal. What was typed
 * stays in the form when the request fails.
 */
export function RectifySection({ person, session }: { person: LocalPerson; session: Session }) {
  const rgpd = useRgpdApi(session);
  const { sync } = useServices();
  const [initial, setInitial] = useState(() => draftOf(person));
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: Event) {
    event.preventDefault();
    setError(null);
    setStatus('');
    const changed = FIELDS.filter((name) => draft[name].trim() !== initial[name].trim());
    if (changed.length === 0) {
      setError('Aucune valeur n’a été changée : corrigez au moins un champ.');
      return;
    }
    const values: Partial<Record<Field, string | null>> = {};
    for (const name of changed) {
      const text = draft[name].trim();
      values[name] = text === '' && name !== 'lastName' && name !== 'firstName' ? null : text;
    }
    const parsed = rectifyPersonSchema.safeParse(values as Partial<PersonValues>);
    if (!parsed.success) {
      setError(parsed.error.issues.map((issue) => issue.message).join(' '));
      return;
    }
    setBusy(true);
    try {
      await rgpd.rectifyPerson(person.id, parsed.data);
      setInitial(draft);
      setStatus(
        `Rectification enregistrée sur le serveur (${changed.map((n) => personFieldLabels[n]).join(', ')}). Les tablettes reçoivent les valeurs corrigées à leur synchronisation.`,
      );
      void sync.syncNow('button');
    } catch (e) {
      setError(rgpdErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card no-print" aria-labelledby="rgpd-rectification-titre">
      <h2 id="rgpd-rectification-titre">Droit de rectification</h2>
      <p>
        À utiliser quand la personne demande la correction d’une information inexacte. La valeur
        corrigée remplace l’ancienne sur le serveur et sur toutes les tablettes, même celles qui ont
        une modification en attente, et la rectification est inscrite au journal des accès (qui,
        quand, quelle fiche). Gardez la demande de la personne (courrier, courriel) avec le registre
        des demandes du service. Pour une simple mise à jour, utilisez{' '}
        <a href={hrefFor({ name: 'person', id: person.id })}>la modification de la fiche</a>.
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {FIELDS.map((name) => (
          <div key={name}>
            <label for={`rectif-${name}`}>{personFieldLabels[name]}</label>
            {name === 'communeInsee' ? (
              <CommuneCombobox
                id={`rectif-${name}`}
                value={draft.communeInsee}
                onChange={(code) => setDraft({ ...draft, communeInsee: code })}
                invalid={false}
              />
            ) : (
              <input
                id={`rectif-${name}`}
                type={INPUT_TYPES[name] ?? 'text'}
                value={draft[name]}
                autocomplete="off"
                onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })}
              />
            )}
          </div>
        ))}
        {error && (
          <p class="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <p role="status" aria-live="polite">
          {busy ? 'Envoi de la rectification…' : status}
        </p>
        <div class="actions">
          <button type="submit" class="button-primary" disabled={busy}>
            Rectifier
          </button>
        </div>
      </form>
    </section>
  );
}
