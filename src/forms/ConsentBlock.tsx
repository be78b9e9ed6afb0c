import type { ConsentRequirement } from '../../shared/forms/definition-schema';
import { CONSENT_KEY } from '../../shared/forms/form-walk';
import { answerAt, inputId } from './answer-paths';
import type { RenderContext } from './render-context';

const STATUSES = [
  { value: 'donne', label: 'Consentement donné' },
  { value: 'refuse', label: 'Consentement refusé' },
  { value: 'non_demande', label: 'Consentement non demandé' },
] as const;

/** The person's consent, asked before anything else when the form requires it. */
export function ConsentBlock({
  consent,
  ctx,
}: {
  consent: ConsentRequirement;
  ctx: RenderContext;
}) {
  const statut = answerAt(ctx.answers, [CONSENT_KEY, 'statut']);
  const motif = answerAt(ctx.answers, [CONSENT_KEY, 'motif']);
  const statusError = ctx.errors.get(`${CONSENT_KEY}.statut`);
  const motifError = ctx.errors.get(`${CONSENT_KEY}.motif`);
  const set = (next: { statut?: unknown; motif?: unknown }) =>
    ctx.onChange([CONSENT_KEY], { statut, motif, ...next });
  const id = inputId([CONSENT_KEY, 'statut']);
  return (
    <fieldset
      class="field choice-group consent"
      id={id}
      tabIndex={-1}
      aria-invalid={statusError ? true : undefined}
    >
      <legend>Consentement de la personne{consent.required ? ' (obligatoire)' : ''}</legend>
      <p class="hint">{consent.purpose}</p>
      {STATUSES.map((s) => (
        <label key={s.value} class="choice">
          <input
            type="radio"
            name={id}
            value={s.value}
            checked={statut === s.value}
            onChange={() => set({ statut: s.value })}
          />
          <span>{s.label}</span>
        </label>
      ))}
      {statusError && <p class="field-error">{statusError}</p>}
      {statut === 'non_demande' && (
        <div class="field">
          <label for={inputId([CONSENT_KEY, 'motif'])}>
            Pourquoi le consentement n’a pas été demandé
          </label>
          <input
            id={inputId([CONSENT_KEY, 'motif'])}
            type="text"
            value={typeof motif === 'string' ? motif : ''}
            aria-invalid={motifError ? true : undefined}
            onInput={(e) => set({ motif: e.currentTarget.value })}
          />
          {motifError && <p class="field-error">{motifError}</p>}
        </div>
      )}
    </fieldset>
  );
}
