import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { buildAnswersSchema } from '../../../shared/forms/answers-schema';
import type { FormDefinition } from '../../../shared/forms/definition-schema';
import { type AnswerIssue, evaluateForm } from '../../../shared/forms/evaluate-form';
import { allFields, CONSENT_KEY, formScopeEntries } from '../../../shared/forms/form-walk';
import { deleteDraft, readDraft, saveDraft } from '../../db/drafts';
import { readFormDefinition } from '../../db/form-definitions';
import type { DraftRow } from '../../db/rows';
import type { Session } from '../../db/session';
import { queueVisit } from '../../db/visits';
import { type AnswerPath, inputId, pathKey, withAnswer } from '../../forms/answer-paths';
import { ConsentBlock } from '../../forms/ConsentBlock';
import { FieldList } from '../../forms/FieldList';
import type { RenderContext } from '../../forms/render-context';
import { navigate } from '../router';
import { useServices } from '../services';
import { ErrorSummary } from './ErrorSummary';
import { SignPanel } from './SignPanel';
import { StepNav } from './StepNav';
import './forms.css';

/**
 * A draft of a published form, on the definition version it began with. Every change is
 * written to the draft at once (it survives closing the app); "Signer" validates with the
 * schema built from the definition, asks for confirmation, then queues the signed visit.
 */
export function FormScreen({ draftId, session }: { draftId: string; session: Session }) {
  const { db, sync } = useServices();
  const [loaded, setLoaded] = useState<
    { draft: DraftRow; definition: FormDefinition } | null | undefined
  >(undefined);
  useEffect(() => {
    void (async () => {
      const draft = await readDraft(db, draftId);
      const definition = draft && (await readFormDefinition(db, draft.formId, draft.formVersion));
      setLoaded(draft && definition ? { draft, definition } : null);
    })();
  }, [db, draftId]);
  if (loaded === undefined) return <p>Chargement…</p>;
  if (loaded === null) {
    return (
      <main id="contenu" class="page">
        <p>
          Ce brouillon n’existe plus, ou son formulaire n’est pas encore sur la tablette
          (synchronisez).
        </p>
        <a href="#/">Retour aux visites</a>
      </main>
    );
  }
  return (
    <FormEditor
      initial={loaded.draft}
      definition={loaded.definition}
      session={session}
      onSigned={() => void sync.syncNow('save')}
    />
  );
}

function FormEditor({
  initial,
  definition,
  session,
  onSigned,
}: {
  initial: DraftRow;
  definition: FormDefinition;
  session: Session;
  onSigned: () => void;
}) {
  const { db } = useServices();
  const [draft, setDraft] = useState(initial);
  const [step, setStep] = useState(0);
  const [showErrors, setShowErrors] = useState(false);
  const [storageError, setStorageError] = useState<string | null>(null);
  const writes = useRef(Promise.resolve());
  const summaryRef = useRef<HTMLDivElement>(null);
  const evaluation = useMemo(
    () => evaluateForm(definition, draft.answers),
    [definition, draft.answers],
  );
  const stepOf = useMemo(
    () =>
      new Map(
        formScopeEntries(definition).map((e) => [
          e.field.id,
          definition.sections.findIndex((s) => s.id === e.containerIds[0]),
        ]),
      ),
    [definition],
  );
  const labels = useMemo(
    () =>
      new Map(definition.sections.flatMap((s) => allFields(s.fields)).map((f) => [f.id, f.label])),
    [definition],
  );
  const steps = definition.sections
    .map((s, index) => ({ section: s, index }))
    .filter(({ section }) => evaluation.visible.has(section.id));
  const current = steps[Math.min(step, steps.length - 1)] ?? steps[0]!;
  const position = steps.indexOf(current);
  const issues = showErrors ? evaluation.issues : [];

  const ctx: RenderContext = {
    answers: draft.answers,
    evaluation,
    computed: new Map(evaluation.computed.map((c) => [pathKey(c.path), c.value])),
    errors: new Map(issues.map((i) => [pathKey(i.path), i.message])),
    onChange(path: AnswerPath, value: unknown) {
      const next: DraftRow = {
        ...draft,
        answers: withAnswer(draft.answers, path, value),
        updatedAt: new Date().toISOString(),
      };
      setDraft(next);
      // Chained, so an older change never lands after a newer one.
      writes.current = writes.current
        .then(() => saveDraft(db, next))
        .catch(() =>
          setStorageError('Enregistrement du brouillon impossible sur la tablette ; réessayez.'),
        );
    },
  };

  const goTo = (issue: AnswerIssue) => {
    const sectionIndex =
      issue.path[0] === CONSENT_KEY ? 0 : (stepOf.get(String(issue.path[0])) ?? 0);
    setStep(
      Math.max(
        0,
        steps.findIndex((s) => s.index === sectionIndex),
      ),
    );
    setTimeout(() => document.getElementById(inputId(issue.path))?.focus(), 0);
  };

  async function sign() {
    const parsed = buildAnswersSchema(definition).safeParse(draft.answers);
    if (!parsed.success) return;
    await writes.current;
    await queueVisit(db, draft.id, {
      id: draft.id,
      siteId: session.agent.siteIds[0] ?? '',
      formId: draft.formId,
      formVersion: draft.formVersion,
      answers: parsed.data,
      status: 'signed',
      ...(draft.supersedes ? { supersedes: draft.supersedes } : {}),
      ...(draft.personId ? { personId: draft.personId } : {}),
      createdAt: new Date().toISOString(),
    });
    onSigned();
    // A correction is made later, without the person: no "Mon avis" to offer then.
    navigate({ name: 'visits', signed: !draft.supersedes });
  }

  return (
    <main id="contenu" class="page form-engine">
      <h1>{definition.title}</h1>
      <p class="hint">
        Version {definition.version}. Brouillon enregistré sur la tablette à chaque saisie.
        {draft.supersedes ? ' Correction d’une visite signée.' : ''}
      </p>
      {storageError && (
        <p class="alert alert-error" role="alert">
          {storageError}
        </p>
      )}
      <ErrorSummary
        issues={issues}
        labelOf={(i) =>
          i.path[0] === CONSENT_KEY
            ? 'Consentement'
            : (labels.get(String(i.path.at(-1))) ?? String(i.path.at(-1)))
        }
        onGo={goTo}
        summaryRef={summaryRef}
      />
      <StepNav titles={steps.map((s) => s.section.title)} current={position} onGo={setStep} />
      <section aria-labelledby="etape-titre" class="form">
        <h2 id="etape-titre">{current.section.title}</h2>
        {current.section.description && <p class="hint">{current.section.description}</p>}
        {position === 0 && definition.consent && (
          <ConsentBlock consent={definition.consent} ctx={ctx} />
        )}
        <FieldList fields={current.section.fields} prefix={[]} ctx={ctx} />
      </section>
      <div class="actions">
        {position > 0 && (
          <button type="button" class="button-secondary" onClick={() => setStep(position - 1)}>
            Étape précédente
          </button>
        )}
        {position < steps.length - 1 && (
          <button type="button" class="button-secondary" onClick={() => setStep(position + 1)}>
            Étape suivante
          </button>
        )}
      </div>
      <SignPanel
        onRequest={() => {
          setShowErrors(true);
          if (evaluation.issues.length === 0) return true;
          setTimeout(() => summaryRef.current?.focus(), 0);
          return false;
        }}
        onConfirm={sign}
        onAbandon={() => {
          if (!confirm('Abandonner ce brouillon ? Ce qui a été saisi sera effacé.')) return;
          void writes.current
            .then(() => deleteDraft(db, draft.id))
            .then(() => navigate({ name: 'visits' }));
        }}
      />
    </main>
  );
}
