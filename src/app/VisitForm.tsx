import { useEffect, useRef, useState } from 'preact/hooks';
import { visiteDomicileAnswersSchema } from '../../shared/forms/visite-domicile';
import { VISITE_DOMICILE } from '../../shared/forms/visite-domicile-id';
import { deleteDraft, newDraft, readDraft, saveDraft } from '../db/drafts';
import type { DraftRow } from '../db/rows';
import type { Session } from '../db/session';
import { queueVisit } from '../db/visits';
import { CommuneCombobox } from './CommuneCombobox';
import { countOf, todayIsoDate } from './format';
import { navigate } from './router';
import { useServices } from './services';

type Field = 'personName' | 'communeInsee' | 'date' | 'reason' | 'notes';
const LABELS: Record<Field, string> = {
  personName: 'Nom et prénom de la personne',
  communeInsee: 'Commune',
  date: 'Date de la visite',
  reason: 'Motif de la visite',
  notes: 'Notes',
};

/** Opens a new draft and moves to its address, so a reload comes back to it. */
export function NewVisit() {
  const { db } = useServices();
  useEffect(() => {
    const draft = newDraft(VISITE_DOMICILE.formId, VISITE_DOMICILE.version);
    draft.answers = { date: todayIsoDate() };
    void saveDraft(db, draft).then(() =>
      navigate({ name: 'draft', id: draft.id }, { replace: true }),
    );
  }, [db]);
  return <p>Ouverture du formulaire…</p>;
}

/**
 * The generic "visite à domicile" form. Every change is written to the draft at once, so
 * closing the tab mid-typing loses nothing; "Enregistrer" validates and queues the visit.
 */
export function VisitForm({ draftId, session }: { draftId: string; session: Session }) {
  const { db, sync } = useServices();
  const [draft, setDraft] = useState<DraftRow | null | undefined>(undefined);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const writes = useRef(Promise.resolve());

  useEffect(() => {
    void readDraft(db, draftId).then((found) => setDraft(found ?? null));
  }, [db, draftId]);

  if (draft === undefined) return <p>Chargement…</p>;
  if (draft === null) {
    return (
      <main id="contenu" class="page">
        <p>Ce brouillon n’existe plus (déjà enregistré ou abandonné).</p>
        <a href="#/">Retour aux visites</a>
      </main>
    );
  }
  const current = draft;
  const value = (field: Field) =>
    typeof current.answers[field] === 'string' ? (current.answers[field] as string) : '';

  function update(field: Field, fieldValue: string) {
    const next: DraftRow = {
      ...current,
      answers: { ...current.answers, [field]: fieldValue },
      updatedAt: new Date().toISOString(),
    };
    setDraft(next);
    // Writes are chained so an older keystroke never lands after a newer one.
    writes.current = writes.current
      .then(() => saveDraft(db, next))
      .catch((error: unknown) => {
        setSaveError(storageErrorMessage(error));
      });
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    const parsed = visiteDomicileAnswersSchema.safeParse({ notes: '', ...current.answers });
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        found[field] ??= issue.message;
      }
      setErrors(found);
      queueMicrotask(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    try {
      await writes.current;
      await queueVisit(db, current.id, {
        id: current.id,
        siteId: session.agent.siteIds[0] ?? '',
        formId: current.formId,
        formVersion: current.formVersion,
        answers: parsed.data,
        status: 'signed',
        createdAt: new Date().toISOString(),
      });
      void sync.syncNow('save');
      navigate({ name: 'visits', signed: true });
    } catch (error) {
      setSaveError(storageErrorMessage(error));
    }
  }

  async function onAbandon() {
    if (!confirm('Abandonner ce brouillon ? Ce qui a été saisi sera effacé.')) return;
    await writes.current;
    await deleteDraft(db, current.id);
    navigate({ name: 'visits' });
  }

  const errorList = Object.entries(errors) as Array<[Field, string]>;
  const describedBy = (field: Field) => (errors[field] ? `${field}-error` : undefined);

  return (
    <main id="contenu" class="page">
      <h1>Visite à domicile</h1>
      <p class="hint">Brouillon enregistré automatiquement sur la tablette à chaque saisie.</p>
      {saveError && (
        <p class="alert alert-error" role="alert">
          {saveError}
        </p>
      )}
      {errorList.length > 0 && (
        <div
          class="alert alert-error"
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          aria-labelledby="error-summary-title"
        >
          <h2 id="error-summary-title">
            Le formulaire contient {countOf(errorList.length, 'erreur', 'erreurs')}
          </h2>
          <ul>
            {errorList.map(([field, message]) => (
              <li key={field}>
                <a
                  href={`#${field}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(field)?.focus();
                  }}
                >
                  {LABELS[field]} : {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={onSubmit} class="form" noValidate>
        <TextField
          field="personName"
          value={value('personName')}
          error={errors.personName}
          onInput={update}
          autocomplete="name"
        />
        <div class="field">
          <label for="communeInsee">{LABELS.communeInsee}</label>
          <CommuneCombobox
            id="communeInsee"
            value={value('communeInsee')}
            onChange={(code) => update('communeInsee', code)}
            invalid={errors.communeInsee !== undefined}
            describedBy={describedBy('communeInsee')}
          />
          <FieldError field="communeInsee" message={errors.communeInsee} />
        </div>
        <TextField
          field="date"
          type="date"
          value={value('date')}
          error={errors.date}
          onInput={update}
        />
        <TextField field="reason" value={value('reason')} error={errors.reason} onInput={update} />
        <div class="field">
          <label for="notes">{LABELS.notes}</label>
          <textarea
            id="notes"
            rows={8}
            value={value('notes')}
            onInput={(e) => update('notes', e.currentTarget.value)}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button-primary">
            Enregistrer
          </button>
          <button type="button" class="button-secondary" onClick={() => void onAbandon()}>
            Abandonner le brouillon
          </button>
        </div>
      </form>
    </main>
  );
}

function TextField(props: {
  field: Field;
  value: string;
  error: string | undefined;
  onInput: (field: Field, value: string) => void;
  type?: 'text' | 'date';
  autocomplete?: string;
}) {
  return (
    <div class="field">
      <label for={props.field}>{LABELS[props.field]}</label>
      <input
        id={props.field}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={props.error !== undefined}
        aria-describedby={props.error ? `${props.field}-error` : undefined}
        onInput={(event) => props.onInput(props.field, event.currentTarget.value)}
      />
      <FieldError field={props.field} message={props.error} />
    </div>
  );
}

function FieldError({ field, message }: { field: Field; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${field}-error`} class="field-error">
      {message}
    </p>
  );
}

function storageErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || (error instanceof Error && /quota/i.test(error.message))) {
    return 'La tablette est pleine : libérez de l’espace. Ce qui a déjà été enregistré est conservé.';
  }
  return 'Enregistrement impossible sur la tablette. Ce qui a déjà été enregistré est conservé ; réessayez.';
}
