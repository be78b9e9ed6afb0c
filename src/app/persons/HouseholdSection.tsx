import { useState } from 'preact/hooks';
import { householdLinkLabels, householdMembers } from '../../../shared/persons/household';
import type { LocalPerson } from '../../db/person-rows';
import { savePerson } from '../../db/persons';
import type { MemberChanges } from '../../db/household-edits';
import type { Session } from '../../db/session';
import { formatDate } from '../format';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { HouseholdMemberForm } from './HouseholdMemberForm';

/**
 * The household: its members, their link to the person, their birth date, and their own file
 * when they have one (opened in one tap). Each member is saved on its own, so two agents adding
 * different members offline both keep theirs (shared/persons/household.ts).
 */
export function HouseholdSection({ person, session }: { person: LocalPerson; session: Session }) {
  const { db } = useServices();
  const members = householdMembers(person.fields.household);
  const [editing, setEditing] = useState<string | null>(null);
  const edited = members.find((m) => m.id === editing);

  async function save(memberId: string, change: MemberChanges) {
    await savePerson(db, session, {
      personId: person.id,
      siteId: person.siteId,
      values: {},
      members: { [memberId]: change },
    });
  }

  return (
    <section class="card" aria-labelledby="foyer-titre">
      <h2 id="foyer-titre">Foyer</h2>
      {members.length === 0 ? (
        <p>Aucun membre du foyer enregistré.</p>
      ) : (
        <ul class="household">
          {members.map((m) => (
            <li key={m.id}>
              {m.personId ? (
                <a href={hrefFor({ name: 'person', id: m.personId })}>Fiche de {m.name}</a>
              ) : (
                <strong>{m.name}</strong>
              )}{' '}
              — {householdLinkLabels[m.link]}
              {m.birthDate && `, né·e le ${formatDate(m.birthDate)}`}{' '}
              <button type="button" class="button-link no-print" onClick={() => setEditing(m.id)}>
                Modifier {m.name}
              </button>{' '}
              <button
                type="button"
                class="button-link no-print"
                onClick={() => void save(m.id, { values: { removed: true } })}
              >
                Retirer {m.name} du foyer
              </button>
            </li>
          ))}
        </ul>
      )}
      {edited ? (
        <HouseholdMemberForm
          key={edited.id}
          person={person}
          member={edited}
          onSave={async (memberId, values) => {
            await save(memberId, { values });
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <HouseholdMemberForm
          person={person}
          onSave={(memberId, values) => save(memberId, { values })}
        />
      )}
    </section>
  );
}
