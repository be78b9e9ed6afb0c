import {
  type ConsentWay,
  consentWayLabels,
  consentWays,
  type PersonValues,
} from '../../../shared/persons/person-fields';
import { CommuneCombobox } from '../CommuneCombobox';

export type PersonDraft = {
  lastName: string;
  firstName: string;
  birthDate: string;
  address: string;
  communeInsee: string;
  phone: string;
  email: string;
  consentGiven: boolean;
  consentHow: ConsentWay;
};

export const emptyPersonDraft: PersonDraft = {
  lastName: '',
  firstName: '',
  birthDate: '',
  address: '',
  communeInsee: '',
  phone: '',
  email: '',
  consentGiven: false,
  consentHow: 'oral',
};

/** The draft as field values: empty inputs are "not known" (null). */
export function draftValues(
  draft: PersonDraft,
  today: string,
  consentOn?: string,
): Partial<PersonValues> {
  const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    lastName: draft.lastName,
    firstName: draft.firstName,
    birthDate: orNull(draft.birthDate),
    address: orNull(draft.address),
    communeInsee: orNull(draft.communeInsee),
    phone: orNull(draft.phone),
    email: orNull(draft.email),
    consent: { given: draft.consentGiven, on: consentOn ?? today, how: draft.consentHow },
  };
}

/** Identity, address, contacts and consent, as one block of labelled inputs. */
export function PersonFields({
  draft,
  onChange,
  errors,
}: {
  draft: PersonDraft;
  onChange: (draft: PersonDraft) => void;
  errors: Partial<Record<keyof PersonDraft, string>>;
}) {
  const text = (
    name: Exclude<keyof PersonDraft, 'consentGiven' | 'consentHow'>,
    label: string,
    type = 'text',
    autocomplete?: string,
  ) => (
    <div>
      <label for={`personne-${name}`}>{label}</label>
      <input
        id={`personne-${name}`}
        type={type}
        value={draft[name]}
        autocomplete={autocomplete}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `personne-${name}-erreur` : undefined}
        onInput={(e) => onChange({ ...draft, [name]: e.currentTarget.value })}
      />
      {errors[name] && (
        <p class="field-error" id={`personne-${name}-erreur`}>
          {errors[name]}
        </p>
      )}
    </div>
  );
  return (
    <>
      {text('lastName', 'Nom', 'text', 'off')}
      {text('firstName', 'Prénom', 'text', 'off')}
      {text('birthDate', 'Date de naissance', 'date')}
      {text('address', 'Adresse')}
      <label for="personne-commune">Commune</label>
      <CommuneCombobox
        id="personne-commune"
        value={draft.communeInsee}
        onChange={(code) => onChange({ ...draft, communeInsee: code })}
        invalid={false}
      />
      {text('phone', 'Téléphone', 'tel')}
      {text('email', 'Courriel', 'email')}
      <div class="choice">
        <input
          id="personne-consentement"
          type="checkbox"
          checked={draft.consentGiven}
          onChange={(e) => onChange({ ...draft, consentGiven: e.currentTarget.checked })}
        />
        <label for="personne-consentement">
          La personne accepte que ses informations soient enregistrées et partagées avec les
          professionnels qui l’accompagnent.
        </label>
      </div>
      <fieldset>
        <legend>Comment la personne a répondu</legend>
        {consentWays.map((way) => (
          <div class="choice" key={way}>
            <input
              id={`personne-consentement-${way}`}
              type="radio"
              name="personne-consentement-comment"
              checked={draft.consentHow === way}
              onChange={() => onChange({ ...draft, consentHow: way })}
            />
            <label for={`personne-consentement-${way}`}>{consentWayLabels[way]}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
