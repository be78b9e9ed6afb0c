import { useState } from 'preact/hooks';
import { conflictingFields } from '../../../shared/persons/merge-person';
import {
  type FieldWrite,
  personFieldLabels,
  type PersonFieldName,
} from '../../../shared/persons/person-fields';
import type { LocalPerson } from '../../db/person-rows';
import { savePerson } from '../../db/persons';
import type { Session } from '../../db/session';
import { useServices } from '../services';
import { describeValue } from './describe-value';
import { useDirectory } from './use-directory';

/**
 * Fields two agents changed at the same time: both values are shown with who typed them, and
 * the agent chooses. The choice is an edit like any other, naming the values it settles, so it
 * reaches every tablet and nothing typed was lost without someone deciding it.
 */
export function ConflictPanel({ person, session }: { person: LocalPerson; session: Session }) {
  const fields = conflictingFields(person.fields);
  if (fields.length === 0) return null;
  return (
    <section class="card" aria-labelledby="conflits-titre">
      <h2 id="conflits-titre">Modifications à départager ({fields.length})</h2>
      <p>
        Deux professionnels ont modifié la même information en même temps. Choisissez la bonne
        valeur.
      </p>
      {fields.map((name) => (
        <FieldConflict key={name} person={person} name={name} session={session} />
      ))}
    </section>
  );
}

function FieldConflict({
  person,
  name,
  session,
}: {
  person: LocalPerson;
  name: PersonFieldName;
  session: Session;
}) {
  const { db } = useServices();
  const { nameOf } = useDirectory();
  const state = person.fields[name]!;
  const options: FieldWrite[] = [state, ...(state.conflicts ?? [])];
  const [chosen, setChosen] = useState(0);

  async function keep() {
    await savePerson(db, session, {
      personId: person.id,
      siteId: person.siteId,
      values: { [name]: options[chosen]!.value },
      resolves: { [name]: (state.conflicts ?? []).map((c) => c.hlc) },
    });
  }

  return (
    <fieldset class="conflict">
      <legend>{personFieldLabels[name]}</legend>
      {options.map((option, index) => (
        <div class="choice" key={option.hlc}>
          <input
            type="radio"
            id={`conflit-${name}-${index}`}
            name={`conflit-${name}`}
            checked={chosen === index}
            onChange={() => setChosen(index)}
          />
          <label for={`conflit-${name}-${index}`}>
            « {describeValue(name, option.value)} » — saisi par{' '}
            {option.by === session.agent.id ? 'vous' : nameOf(option.by)}
          </label>
        </div>
      ))}
      <button type="button" class="button-primary" onClick={() => void keep()}>
        Garder cette valeur
      </button>
    </fieldset>
  );
}
