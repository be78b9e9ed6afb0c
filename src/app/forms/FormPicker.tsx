import { startDraft, listPublishedForms } from '../../db/form-definitions';
import { observe } from '../../db/observe';
import { displayName, readPerson } from '../../db/persons';
import type { Session } from '../../db/session';
import type { FormDefinition } from '../../../shared/forms/definition-schema';
import { navigate } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { todayIsoDate } from '../format';
import { allFields } from '../../../shared/forms/form-walk';

/** Field ids in which forms ask the person's name. */
const PERSON_NAME_FIELDS = ['personName', 'personneNom'];

/** The published forms of the agent's role (latest versions); choosing one opens a new draft. */
export function FormPicker({ session, personId }: { session: Session; personId?: string }) {
  const { db } = useServices();
  const forms = useObservable(
    () => observe(() => listPublishedForms(db, session.agent.role)),
    [db, session.agent.role],
  );
  if (forms === undefined) return <p>Chargement…</p>;

  async function open(definition: FormDefinition) {
    // The first date field of the form starts on today, as agents fill forms on the day.
    const firstDate = definition.sections
      .flatMap((s) => allFields(s.fields))
      .find((f) => f.type === 'date');
    const fieldIds = new Set(
      definition.sections.flatMap((s) => allFields(s.fields)).map((f) => f.id),
    );
    // A visit started from a person's file names them, in the form's own name field if any.
    const person = personId ? await readPerson(db, personId) : undefined;
    const named = Object.fromEntries(
      PERSON_NAME_FIELDS.filter((id) => person && fieldIds.has(id)).map((id) => [
        id,
        displayName(person!),
      ]),
    );
    const draft = await startDraft(
      db,
      definition,
      { ...named, ...(firstDate ? { [firstDate.id]: todayIsoDate() } : {}) },
      new Date(),
      person?.id,
    );
    navigate({ name: 'draft', id: draft.id });
  }

  return (
    <main id="contenu" class="page">
      <h1>Nouvelle visite</h1>
      {forms.length === 0 ? (
        <p>
          Aucun formulaire publié pour votre métier sur cette tablette. Synchronisez pour recevoir
          les formulaires.
        </p>
      ) : (
        <ul class="cards">
          {forms.map((form) => (
            <li key={form.formId} class="card">
              <button type="button" class="button-primary" onClick={() => void open(form)}>
                {form.title}
              </button>
              {form.description && <p class="meta">{form.description}</p>}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
