import { useState } from 'preact/hooks';
import {
  type HouseholdMember,
  householdLinkLabels,
  householdLinks,
} from '../../../shared/persons/person-fields';
import { uuidv7 } from '../../../shared/uuidv7';
import type { LocalPerson } from '../../db/person-rows';
import { savePerson } from '../../db/persons';
import type { Session } from '../../db/session';
import { hrefFor } from '../router';
import { useServices } from '../services';

/** The household: its members and their link to the person, each with their own file if any. */
export function HouseholdSection({ person, session }: { person: LocalPerson; session: Session }) {
  const { db } = useServices();
  const members = (person.fields.household?.value as HouseholdMember[] | undefined) ?? [];
  const [name, setName] = useState('');
  const [link, setLink] = useState<HouseholdMember['link']>('enfant');

  async function save(next: HouseholdMember[]) {
    await savePerson(db, session, {
      personId: person.id,
      siteId: person.siteId,
      values: { household: next },
    });
  }

  async function onAdd(event: Event) {
    event.preventDefault();
    if (name.trim() === '') return;
    await save([...members, { id: uuidv7(), name: name.trim(), link }]);
    setName('');
  }

  return (
    <section class="card" aria-labelledby="foyer-titre">
      <h2 id="foyer-titre">Foyer</h2>
      {members.length === 0 ? (
        <p>Aucun membre du foyer enregistré.</p>
      ) : (
        <ul>
          {members.map((m) => (
            <li key={m.id}>
              {m.personId ? (
                <a href={hrefFor({ name: 'person', id: m.personId })}>{m.name}</a>
              ) : (
                m.name
              )}{' '}
              — {householdLinkLabels[m.link]}{' '}
              <button
                type="button"
                class="button-link no-print"
                onClick={() => void save(members.filter((other) => other.id !== m.id))}
              >
                Retirer {m.name} du foyer
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="no-print" onSubmit={(e) => void onAdd(e)}>
        <label for="foyer-nom">Nom et prénom du membre</label>
        <input id="foyer-nom" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="foyer-lien">Lien avec la personne</label>
        <select
          id="foyer-lien"
          value={link}
          onChange={(e) => setLink(e.currentTarget.value as HouseholdMember['link'])}
        >
          {householdLinks.map((l) => (
            <option key={l} value={l}>
              {householdLinkLabels[l]}
            </option>
          ))}
        </select>
        <button type="submit" class="button-secondary">
          Ajouter au foyer
        </button>
      </form>
    </section>
  );
}
