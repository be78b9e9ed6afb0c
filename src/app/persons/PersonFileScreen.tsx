import { useState } from 'preact/hooks';
import {
  type Consent,
  personFieldLabels,
  type PersonFieldName,
} from '../../../shared/persons/person-fields';
import { readPersonFile } from '../../db/caseload';
import { observe } from '../../db/observe';
import { displayName, savePerson, setPersonLink } from '../../db/persons';
import type { LocalPerson } from '../../db/person-rows';
import type { Session } from '../../db/session';
import { todayIsoDate } from '../format';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { ConflictPanel } from './ConflictPanel';
import { describeValue } from './describe-value';
import { HouseholdSection } from './HouseholdSection';
import { draftValues, type PersonDraft, PersonFields } from './PersonFields';
import { TaskForm } from './TaskForm';
import { Timeline } from './Timeline';
import { useDirectory } from './use-directory';

const SHOWN_FIELDS: PersonFieldName[] = [
  'birthDate',
  'address',
  'communeInsee',
  'phone',
  'email',
  'consent',
];

/** A person's file: identity, household, consent, who follows them, what to do, and the history. */
export function PersonFileScreen({ personId, session }: { personId: string; session: Session }) {
  const { db } = useServices();
  const file = useObservable(() => observe(() => readPersonFile(db, personId)), [db, personId]);
  const { nameOf } = useDirectory();
  const [editing, setEditing] = useState(false);
  if (file === undefined) {
    return (
      <main id="contenu" class="page">
        <h1>Fiche introuvable</h1>
        <p>
          Cette fiche n’est pas sur la tablette : elle arrive à la prochaine synchronisation si vous
          venez de l’épingler, ou elle a été retirée de votre suivi.
        </p>
        <a href={hrefFor({ name: 'persons' })}>Retour à mes personnes suivies</a>
      </main>
    );
  }
  const { person } = file;
  const me = session.agent.id;
  const following = person.followers.some((f) => f.agentId === me);
  const pinned = person.pinnedBy.includes(me);
  const link = (kind: 'follow' | 'pin', on: boolean) =>
    void setPersonLink(db, session, { personId, kind, on });

  return (
    <main id="contenu" class="page">
      <h1>{displayName(person)}</h1>
      <p class="meta">
        {person.receipt
          ? `Fiche n° ${person.receipt.number}`
          : 'Fiche pas encore envoyée au serveur'}
        {person.syncState === 'pending' && ' · modifications en attente d’envoi'}
        {person.reason && ` · refusé : ${person.reason.message}`}
        {person.leaving && ' · retirée de votre suivi : sera effacée de la tablette après envoi'}
      </p>
      <div class="actions no-print">
        <button type="button" class="button-secondary" onClick={() => link('follow', !following)}>
          {following ? 'Ne plus suivre' : 'Suivre cette personne'}
        </button>
        <button type="button" class="button-secondary" onClick={() => link('pin', !pinned)}>
          {pinned ? 'Retirer de ma tournée' : 'Épingler pour une tournée'}
        </button>
        <a class="button-primary" href={hrefFor({ name: 'person-orient', id: personId })}>
          Orienter
        </a>
        <a class="button-secondary" href={hrefFor({ name: 'forms', personId })}>
          Nouvelle visite
        </a>
        <a class="button-secondary" href={hrefFor({ name: 'person-sheet', id: personId })}>
          Fiche de suivi à remettre
        </a>
        {session.agent.role === 'cadre' && session.agent.siteIds.includes(person.siteId) && (
          <a class="button-secondary" href={hrefFor({ name: 'person-rgpd', id: personId })}>
            Droits RGPD
          </a>
        )}
      </div>
      <ConflictPanel person={person} session={session} />
      <section class="card" aria-labelledby="identite-titre">
        <h2 id="identite-titre">Identité et coordonnées</h2>
        {editing ? (
          <EditIdentity person={person} session={session} onDone={() => setEditing(false)} />
        ) : (
          <>
            <dl>
              {SHOWN_FIELDS.map((name) => (
                <div key={name}>
                  <dt>{personFieldLabels[name]}</dt>
                  <dd>{describeValue(name, person.fields[name]?.value)}</dd>
                </div>
              ))}
            </dl>
            <button type="button" class="button-secondary" onClick={() => setEditing(true)}>
              Modifier
            </button>
          </>
        )}
      </section>
      <HouseholdSection person={person} session={session} />
      <section class="card" aria-labelledby="suivi-titre">
        <h2 id="suivi-titre">Professionnels qui suivent la personne</h2>
        {person.followers.length === 0 ? (
          <p>Personne ne suit encore cette personne.</p>
        ) : (
          <ul>
            {person.followers.map((f) => (
              <li key={f.agentId}>{f.agentId === me ? 'Vous' : nameOf(f.agentId)}</li>
            ))}
          </ul>
        )}
      </section>
      <TaskForm person={person} session={session} />
      <Timeline file={file} />
    </main>
  );
}

function EditIdentity({
  person,
  session,
  onDone,
}: {
  person: LocalPerson;
  session: Session;
  onDone: () => void;
}) {
  const { db } = useServices();
  const text = (name: PersonFieldName) => {
    const value = person.fields[name]?.value;
    return typeof value === 'string' ? value : '';
  };
  const consent = person.fields.consent?.value as Consent | null | undefined;
  const [draft, setDraft] = useState<PersonDraft>({
    lastName: text('lastName'),
    firstName: text('firstName'),
    birthDate: text('birthDate'),
    address: text('address'),
    communeInsee: text('communeInsee'),
    phone: text('phone'),
    email: text('email'),
    consentGiven: consent?.given ?? false,
    consentHow: consent?.how ?? 'oral',
  });
  const [failure, setFailure] = useState<string | null>(null);

  async function onSubmit(event: Event) {
    event.preventDefault();
    const sameConsent =
      (consent?.given ?? false) === draft.consentGiven &&
      (consent?.how ?? 'oral') === draft.consentHow;
    const values = draftValues(draft, todayIsoDate(), sameConsent ? consent?.on : undefined);
    if (sameConsent && consent == null) delete values.consent;
    try {
      await savePerson(db, session, { personId: person.id, siteId: person.siteId, values });
      onDone();
    } catch {
      setFailure(
        'Modification impossible : le nom et le prénom sont obligatoires, et les valeurs doivent être valides.',
      );
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <PersonFields draft={draft} onChange={setDraft} errors={{}} />
      {failure && (
        <p class="alert alert-error" role="alert">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button-primary">
          Enregistrer
        </button>
        <button type="button" class="button-secondary" onClick={onDone}>
          Annuler
        </button>
      </div>
    </form>
  );
}
