import { useState } from 'preact/hooks';
import {
  type HouseholdLink,
  householdLinkLabels,
  householdLinks,
  type MemberValues,
} from '../../../shared/persons/household';
import { foldName } from '../../../shared/persons/name-key';
import { uuidv7 } from '../../../shared/uuidv7';
import { observe } from '../../db/observe';
import type { LocalPerson } from '../../db/person-rows';
import { displayName, listPersons } from '../../db/persons';
import { formatDate } from '../format';
import { useServices } from '../services';
import { useObservable } from '../use-observable';

/** Files offered for a search: a few, or the list becomes a scroll on a tablet. */
const MAX_MATCHES = 5;

/**
 * Adds a member to the household: name, link chosen from the list, birth date if known, and
 * their own file if they have one on the tablet, found by name whatever the accents and case.
 * Choosing a file fills in the name and birth date from it.
 */
export function HouseholdMemberForm({
  person,
  onAdd,
}: {
  person: LocalPerson;
  onAdd: (memberId: string, values: MemberValues) => Promise<void>;
}) {
  const { db } = useServices();
  const persons = useObservable(() => observe(() => listPersons(db)), [db]) ?? [];
  const [name, setName] = useState('');
  const [link, setLink] = useState<HouseholdLink>('enfant');
  const [birthDate, setBirthDate] = useState('');
  const [search, setSearch] = useState('');
  const [linked, setLinked] = useState<LocalPerson | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const query = foldName(search);
  const matches =
    query === ''
      ? []
      : persons
          .filter((p) => p.id !== person.id && foldName(displayName(p)).includes(query))
          .slice(0, MAX_MATCHES);

  function choose(file: LocalPerson) {
    setLinked(file);
    setSearch('');
    setName(
      `${String(file.fields.firstName?.value ?? '')} ${String(file.fields.lastName?.value ?? '')}`.trim(),
    );
    const born = file.fields.birthDate?.value;
    if (typeof born === 'string') setBirthDate(born);
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (name.trim() === '') {
      setFailure('Indiquez le nom du membre du foyer.');
      return;
    }
    try {
      await onAdd(uuidv7(), {
        name: name.trim(),
        link,
        birthDate: birthDate === '' ? null : birthDate,
        personId: linked?.id ?? null,
        removed: false,
      });
      setName('');
      setBirthDate('');
      setLinked(null);
      setFailure(null);
    } catch {
      setFailure('Ajout impossible : vérifiez le nom et la date de naissance.');
    }
  }

  return (
    <form class="no-print" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>Ajouter un membre</h3>
      <label for="foyer-recherche">Chercher sa fiche sur la tablette (facultatif)</label>
      <input
        id="foyer-recherche"
        type="search"
        value={search}
        onInput={(e) => setSearch(e.currentTarget.value)}
      />
      {query !== '' && matches.length === 0 && (
        <p class="hint">Aucune fiche à ce nom sur la tablette.</p>
      )}
      {matches.length > 0 && (
        <ul class="person-list">
          {matches.map((file) => (
            <li key={file.id}>
              <button type="button" class="button-link" onClick={() => choose(file)}>
                Lier à la fiche de {displayName(file)}
                {typeof file.fields.birthDate?.value === 'string' &&
                  ` (né·e le ${formatDate(file.fields.birthDate.value)})`}
              </button>
            </li>
          ))}
        </ul>
      )}
      {linked && (
        <p>
          Fiche liée : {displayName(linked)}{' '}
          <button type="button" class="button-link" onClick={() => setLinked(null)}>
            Ne plus lier
          </button>
        </p>
      )}
      <label for="foyer-nom">Nom et prénom du membre</label>
      <input id="foyer-nom" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <label for="foyer-lien">Lien avec la personne</label>
      <select
        id="foyer-lien"
        value={link}
        onChange={(e) => setLink(e.currentTarget.value as HouseholdLink)}
      >
        {householdLinks.map((l) => (
          <option key={l} value={l}>
            {householdLinkLabels[l]}
          </option>
        ))}
      </select>
      <label for="foyer-naissance">Date de naissance (facultatif)</label>
      <input
        id="foyer-naissance"
        type="date"
        value={birthDate}
        onInput={(e) => setBirthDate(e.currentTarget.value)}
      />
      {failure && (
        <p class="alert alert-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" class="button-secondary">
        Ajouter au foyer
      </button>
    </form>
  );
}
