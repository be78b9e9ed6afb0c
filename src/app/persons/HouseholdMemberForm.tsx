import { useState } from 'preact/hooks';
import {
  type HouseholdLink,
  type HouseholdMember,
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
 * Adds a member to the household, or edits one (`member`): name, link chosen from the list,
 * birth date if known, and their own file if they have one on the tablet, found by name
 * whatever the accents and case. Choosing a file fills in the name and birth date from it.
 * An edit sends only the fields that changed (src/db/household-edits.ts).
 */
export function HouseholdMemberForm({
  person,
  member,
  onSave,
  onCancel,
}: {
  person: LocalPerson;
  member?: HouseholdMember;
  onSave: (memberId: string, values: Omit<MemberValues, 'removed'>) => Promise<void>;
  onCancel?: () => void;
}) {
  const { db } = useServices();
  const persons = useObservable(() => observe(() => listPersons(db)), [db]) ?? [];
  const [name, setName] = useState(member?.name ?? '');
  const [link, setLink] = useState<HouseholdLink>(member?.link ?? 'enfant');
  const [birthDate, setBirthDate] = useState(member?.birthDate ?? '');
  const [search, setSearch] = useState('');
  const [linkedId, setLinkedId] = useState<string | null>(member?.personId ?? null);
  const [failure, setFailure] = useState<string | null>(null);
  const id = (field: string) => `foyer-${member?.id ?? 'nouveau'}-${field}`;
  const linked = persons.find((p) => p.id === linkedId);

  const query = foldName(search);
  const matches =
    query === ''
      ? []
      : persons
          .filter((p) => p.id !== person.id && foldName(displayName(p)).includes(query))
          .slice(0, MAX_MATCHES);

  function choose(file: LocalPerson) {
    setLinkedId(file.id);
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
      await onSave(member?.id ?? uuidv7(), {
        name: name.trim(),
        link,
        birthDate: birthDate === '' ? null : birthDate,
        personId: linkedId,
      });
      setName('');
      setBirthDate('');
      setLinkedId(null);
      setFailure(null);
    } catch {
      setFailure('Enregistrement impossible : vérifiez le nom et la date de naissance.');
    }
  }

  return (
    <form class="no-print" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>{member ? `Modifier ${member.name}` : 'Ajouter un membre'}</h3>
      <label for={id('recherche')}>Chercher sa fiche sur la tablette (facultatif)</label>
      <input
        id={id('recherche')}
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
      {linkedId && (
        <p>
          Fiche liée : {linked ? displayName(linked) : 'fiche qui n’est pas sur la tablette'}{' '}
          <button type="button" class="button-link" onClick={() => setLinkedId(null)}>
            Ne plus lier
          </button>
        </p>
      )}
      <label for={id('nom')}>Nom et prénom du membre</label>
      <input id={id('nom')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <label for={id('lien')}>Lien avec la personne</label>
      <select
        id={id('lien')}
        value={link}
        onChange={(e) => setLink(e.currentTarget.value as HouseholdLink)}
      >
        {householdLinks.map((l) => (
          <option key={l} value={l}>
            {householdLinkLabels[l]}
          </option>
        ))}
      </select>
      <label for={id('naissance')}>Date de naissance (facultatif)</label>
      <input
        id={id('naissance')}
        type="date"
        value={birthDate}
        onInput={(e) => setBirthDate(e.currentTarget.value)}
      />
      {failure && (
        <p class="alert alert-error" role="alert">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button-secondary">
          {member ? 'Enregistrer' : 'Ajouter au foyer'}
        </button>
        {onCancel && (
          <button type="button" class="button-link" onClick={onCancel}>
            Annuler
          </button>
        )}
      </div>
    </form>
  );
}
