import { startDraft, listPublishedForms } from '../../db/form-definitions';
import { observe } from '../../db/observe';
import type { Session } from '../../db/session';
import type { FormDefinition } from '../../../shared/forms/definition-schema';
import { navigate } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { todayIsoDate } from '../format';
import { allFields } from '../../../shared/forms/form-walk';

/** The published forms of the agent's role (latest versions); choosing one opens a new draft. */
export function FormPicker({ session }: { session: Session }) {
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
    const draft = await startDraft(
      db,
      definition,
      firstDate ? { [firstDate.id]: todayIsoDate() } : {},
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
