import { useState } from 'preact/hooks';
import { uuidv7 } from '../../../shared/uuidv7';
import type { LocalPerson } from '../../db/person-rows';
import type { DuplicateMatch } from '../../../shared/persons/duplicates';
import { displayName, findDuplicates, savePerson, setPersonLink } from '../../db/persons';
import type { Session } from '../../db/session';
import { formatDate, todayIsoDate } from '../format';
import { hrefFor, navigate } from '../router';
import { useServices } from '../services';
import { draftValues, emptyPersonDraft, type PersonDraft, PersonFields } from './PersonFields';
import { useDirectory } from './use-directory';

/**
 * A new person file. Before creating it, the files on the tablet with the same name (accents
 * and case ignored) and birth date are offered: opening the existing file avoids a duplicate.
 */
export function NewPerson({ session }: { session: Session }) {
  const { db, api, sync } = useServices();
  const [remote, setRemote] = useState<DuplicateMatch[] | null>(null);
  const [draft, setDraft] = useState<PersonDraft>(emptyPersonDraft);
  const [errors, setErrors] = useState<Partial<Record<keyof PersonDraft, string>>>({});
  const [duplicates, setDuplicates] = useState<LocalPerson[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [siteId, setSiteId] = useState(session.agent.siteIds[0] ?? '');
  const { siteNameOf } = useDirectory();

  async function create() {
    const personId = uuidv7();
    try {
      await savePerson(db, session, {
        personId,
        siteId,
        values: draftValues(draft, todayIsoDate()),
      });
      navigate({ name: 'person', id: personId }, { replace: true });
    } catch {
      setFailure('La fiche n’a pas pu être enregistrée : vérifiez les champs.');
    }
  }

  /** Files of other MDS with this name, when the network answers; none offline. */
  async function searchDepartement(): Promise<DuplicateMatch[]> {
    try {
      const { matches } = await api.findPersonDuplicates(session.token, {
        lastName: draft.lastName.trim(),
        firstName: draft.firstName.trim(),
        ...(draft.birthDate ? { birthDate: draft.birthDate } : {}),
      });
      return matches;
    } catch {
      return [];
    }
  }

  /** Pins a file of another MDS for this agent, and opens it once the sync brought it. */
  async function pinAndOpen(match: DuplicateMatch) {
    await setPersonLink(db, session, { personId: match.id, kind: 'pin', on: true });
    void sync.syncNow('button');
    navigate({ name: 'person', id: match.id });
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    const missing: Partial<Record<keyof PersonDraft, string>> = {};
    if (draft.lastName.trim() === '') missing.lastName = 'Indiquez le nom.';
    if (draft.firstName.trim() === '') missing.firstName = 'Indiquez le prénom.';
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      document.getElementById(`personne-${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    if (duplicates === null) {
      const found = await findDuplicates(db, {
        lastName: draft.lastName,
        firstName: draft.firstName,
        birthDate: draft.birthDate || null,
      });
      const elsewhere = (await searchDepartement()).filter(
        (match) => !found.some((p) => p.id === match.id),
      );
      if (found.length > 0 || elsewhere.length > 0) {
        setDuplicates(found);
        setRemote(elsewhere);
        return;
      }
    }
    await create();
  }

  return (
    <main id="contenu" class="page">
      <h1>Nouvelle personne</h1>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <PersonFields
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            setDuplicates(null);
            setRemote(null);
          }}
          errors={errors}
        />
        {session.agent.siteIds.length > 1 && (
          <>
            <label for="personne-mds">MDS de rattachement</label>
            <select
              id="personne-mds"
              value={siteId}
              onChange={(e) => setSiteId(e.currentTarget.value)}
            >
              {session.agent.siteIds.map((id) => (
                <option key={id} value={id}>
                  {siteNameOf(id)}
                </option>
              ))}
            </select>
          </>
        )}
        {duplicates !== null && (
          <section class="alert" role="alert" aria-labelledby="doublons-titre">
            <h2 id="doublons-titre">Cette personne a peut-être déjà une fiche</h2>
            <ul class="person-list">
              {duplicates.map((person) => {
                const birth = person.fields.birthDate?.value;
                return (
                  <li key={person.id}>
                    <a href={hrefFor({ name: 'person', id: person.id })}>
                      Ouvrir la fiche existante : {displayName(person)}
                      {typeof birth === 'string' ? `, né·e le ${formatDate(birth)}` : ''}
                    </a>
                  </li>
                );
              })}
            </ul>
            {remote !== null && remote.length > 0 && (
              <>
                <p>Dans une autre MDS :</p>
                <ul class="person-list">
                  {remote.map((match) => (
                    <li key={match.id}>
                      {match.lastName.toLocaleUpperCase('fr')} {match.firstName}
                      {match.birthDate ? `, né·e le ${formatDate(match.birthDate)}` : ''} —{' '}
                      {siteNameOf(match.siteId)}{' '}
                      <button
                        type="button"
                        class="button-secondary"
                        onClick={() => void pinAndOpen(match)}
                      >
                        Épingler et ouvrir la fiche
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p>Si ce n’est pas la même personne, créez quand même la fiche.</p>
          </section>
        )}
        {failure && (
          <p class="alert alert-error" role="alert">
            {failure}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="button-primary">
            {duplicates === null ? 'Créer la fiche' : 'Créer quand même'}
          </button>
        </div>
      </form>
    </main>
  );
}
