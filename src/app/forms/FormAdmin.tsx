import { useState } from 'preact/hooks';
import { AdminRefusal } from '../AdminRefusal';
import { fieldIssueSchema, type FieldIssue } from '../../../shared/field-issues';
import type { Session } from '../../db/session';
import { describeError, HttpError } from '../../sync/api-client';
import { useServices } from '../services';

type State =
  | { step: 'idle' }
  | { step: 'sending' }
  | { step: 'published'; formId: string; version: number }
  | { step: 'refused'; message: string; errors: FieldIssue[] };

/**
 * Administrators upload a form definition (JSON). A refused one lists every error with its
 * path, and nothing was published; an accepted one is the next version of its form, which
 * devices receive at their next sync. Drafts already begun keep their own version.
 */
export function FormAdmin({ session }: { session: Session }) {
  const { api } = useServices();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  if (session.agent.role !== 'administrateur')
    return <AdminRefusal title="Publier un formulaire" />;

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (!file) return;
    setState({ step: 'sending' });
    let definition: unknown;
    try {
      definition = JSON.parse(await file.text());
    } catch {
      setState({
        step: 'refused',
        message: 'Ce fichier n’est pas du JSON valide. Rien n’a été publié.',
        errors: [],
      });
      return;
    }
    try {
      const published = await api.uploadFormDefinition(session.token, definition);
      setState({ step: 'published', ...published });
    } catch (error) {
      const errors =
        error instanceof HttpError && Array.isArray(error.details)
          ? error.details.flatMap((d) =>
              fieldIssueSchema.safeParse(d).success ? [fieldIssueSchema.parse(d)] : [],
            )
          : [];
      setState({
        step: 'refused',
        message: error instanceof HttpError ? error.message : describeError(error).message,
        errors,
      });
    }
  }

  return (
    <main id="contenu" class="page form-engine">
      <h1>Publier un formulaire</h1>
      <form onSubmit={(e) => void onSubmit(e)} class="form">
        <div class="field">
          <label for="definition-json">Définition du formulaire (fichier JSON)</label>
          <input
            id="definition-json"
            type="file"
            accept="application/json,.json"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button-primary" disabled={!file || state.step === 'sending'}>
            Vérifier et publier
          </button>
        </div>
      </form>
      {state.step === 'sending' && <p role="status">Envoi…</p>}
      {state.step === 'published' && (
        <p class="alert" role="status">
          Publié : « {state.formId} » version {state.version}. Les tablettes le recevront à leur
          prochaine synchronisation.
        </p>
      )}
      {state.step === 'refused' && (
        <div class="alert alert-error" role="alert">
          <h2>{state.message}</h2>
          {state.errors.length > 0 && (
            <ul data-testid="definition-errors">
              {state.errors.map((issue, index) => (
                <li key={index}>
                  <code>{issue.path || '(racine)'}</code> : {issue.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </main>
  );
}
