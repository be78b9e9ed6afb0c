import { useState } from 'preact/hooks';
import {
  householdConflicts,
  householdLinkLabels,
  type HouseholdLink,
  memberFieldLabels,
  type MemberFieldName,
} from '../../../shared/persons/household';
import { conflictingFields } from '../../../shared/persons/merge-person';
import {
  type FieldState,
  type FieldWrite,
  personFieldLabels,
} from '../../../shared/persons/person-fields';
import type { LocalPerson } from '../../db/person-rows';
import { type PersonChanges, savePerson } from '../../db/persons';
import type { Session } from '../../db/session';
import { formatDate } from '../format';
import { useServices } from '../services';
import { describeValue } from './describe-value';
import { useDirectory } from './use-directory';

/**
 * Fields two agents changed at the same time, household members' fields included: both values
 * are shown with who typed them, and the agent chooses. The choice is an edit like any other,
 * naming the values it settles, so it reaches every tablet and nothing typed was lost without
 * someone deciding it.
 */
export function ConflictPanel({ person, session }: { person: LocalPerson; session: Session }) {
  const { db } = useServices();
  const fields = conflictingFields(person.fields);
  const members = householdConflicts(person.fields.household);
  const count = fields.length + members.length;
  if (count === 0) return null;
  const save = (changes: Pick<PersonChanges, 'values' | 'resolves' | 'members'>) =>
    savePerson(db, session, { personId: person.id, siteId: person.siteId, ...changes });
  const settled = (state: FieldState) => (state.conflicts ?? []).map((c) => c.hlc);
  return (
    <section class="card" aria-labelledby="conflits-titre">
      <h2 id="conflits-titre">Modifications à départager ({count})</h2>
      <p>
        Deux professionnels ont modifié la même information en même temps. Choisissez la bonne
        valeur.
      </p>
      {fields.map((name) => {
        const state = person.fields[name]!;
        return (
          <Choice
            key={name}
            id={name}
            legend={personFieldLabels[name]}
            state={state}
            describe={(value) => describeValue(name, value)}
            session={session}
            onKeep={(value) =>
              save({ values: { [name]: value }, resolves: { [name]: settled(state) } })
            }
          />
        );
      })}
      {members.map(({ memberId, field, state }) => (
        <Choice
          key={`${memberId}-${field}`}
          id={`${memberId}-${field}`}
          legend={`Foyer, ${memberName(person, memberId)} : ${memberFieldLabels[field]}`}
          state={state}
          describe={(value) => describeMember(field, value)}
          session={session}
          onKeep={(value) =>
            save({
              values: {},
              members: {
                [memberId]: {
                  values: { [field]: value },
                  resolves: { [field]: settled(state) },
                },
              },
            })
          }
        />
      ))}
    </section>
  );
}

function Choice(props: {
  id: string;
  legend: string;
  state: FieldState;
  describe: (value: unknown) => string;
  session: Session;
  onKeep: (value: unknown) => Promise<unknown>;
}) {
  const { nameOf } = useDirectory();
  const options: FieldWrite[] = [props.state, ...(props.state.conflicts ?? [])];
  const [chosen, setChosen] = useState(0);
  return (
    <fieldset class="conflict">
      <legend>{props.legend}</legend>
      {options.map((option, index) => (
        <div class="choice" key={option.hlc}>
          <input
            type="radio"
            id={`conflit-${props.id}-${index}`}
            name={`conflit-${props.id}`}
            checked={chosen === index}
            onChange={() => setChosen(index)}
          />
          <label for={`conflit-${props.id}-${index}`}>
            « {props.describe(option.value)} » — saisi par{' '}
            {option.by === props.session.agent.id ? 'vous' : nameOf(option.by)}
          </label>
        </div>
      ))}
      <button
        type="button"
        class="button-primary"
        onClick={() => void props.onKeep(options[chosen]!.value)}
      >
        Garder cette valeur
      </button>
    </fieldset>
  );
}

function memberName(person: LocalPerson, memberId: string): string {
  const name = person.fields.household?.[memberId]?.name?.value;
  return typeof name === 'string' ? name : 'membre sans nom';
}

function describeMember(field: MemberFieldName, value: unknown): string {
  if (field === 'removed') return value === true ? 'retiré·e du foyer' : 'dans le foyer';
  if (value === null || value === undefined || value === '') return 'non renseigné';
  if (field === 'link') return householdLinkLabels[value as HouseholdLink] ?? String(value);
  if (field === 'birthDate' && typeof value === 'string') return formatDate(value);
  if (field === 'personId') return 'une fiche liée';
  return String(value);
}
