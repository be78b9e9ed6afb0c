import type { FieldDefinition, RepeatField } from '../../shared/forms/definition-schema';
import { type AnswerPath, answerAt, inputId, pathKey } from './answer-paths';
import { formatComputed } from './computed-display';
import { FieldInput } from './FieldInput';
import type { RenderContext } from './render-context';

/** The visible fields of a list, at `prefix` (empty for the form, `[repeatId, index]` in an item). */
export function FieldList({
  fields,
  prefix,
  ctx,
}: {
  fields: readonly FieldDefinition[];
  prefix: AnswerPath;
  ctx: RenderContext;
}) {
  return (
    <>
      {fields.map((field) => {
        const path = [...prefix, field.id];
        if (!ctx.evaluation.visible.has(pathKey(path))) return null;
        return <Field key={field.id} field={field} path={path} ctx={ctx} />;
      })}
    </>
  );
}

function Field({
  field,
  path,
  ctx,
}: {
  field: FieldDefinition;
  path: AnswerPath;
  ctx: RenderContext;
}) {
  switch (field.type) {
    case 'section':
      return (
        <fieldset class="subsection">
          <legend>{field.label}</legend>
          {field.help && <p class="hint">{field.help}</p>}
          <FieldList fields={field.fields} prefix={path.slice(0, -1)} ctx={ctx} />
        </fieldset>
      );
    case 'note':
      return field.tone === 'alert' ? (
        <p class="alert alert-error" role="alert" data-testid={`note-${field.id}`}>
          {field.label}
        </p>
      ) : (
        <p class={field.tone === 'warning' ? 'alert alert-warning' : 'note'}>{field.label}</p>
      );
    case 'computed': {
      const id = inputId(path);
      return (
        <div class="field computed">
          <span id={`${id}-libelle`} class="label">
            {field.label}
          </span>
          {field.help && <p class="hint">{field.help}</p>}
          <output id={id} aria-labelledby={`${id}-libelle`} data-testid={`calcul-${field.id}`}>
            {formatComputed(field.function, ctx.computed.get(pathKey(path)))}
          </output>
        </div>
      );
    }
    case 'repeat':
      return <Repeat field={field} path={path} ctx={ctx} />;
    default:
      return <FieldInput field={field} path={path} ctx={ctx} />;
  }
}

function Repeat({
  field,
  path,
  ctx,
}: {
  field: RepeatField;
  path: AnswerPath;
  ctx: RenderContext;
}) {
  const value = answerAt(ctx.answers, path);
  const items = Array.isArray(value) ? value : [];
  const itemLabel = field.itemLabel ?? 'Élément';
  const error = ctx.errors.get(pathKey(path));
  const full = field.maxItems !== undefined && items.length >= field.maxItems;
  return (
    <fieldset class="repeat" id={inputId(path)} tabIndex={-1}>
      <legend>
        {field.label}
        {field.required ? ' (obligatoire)' : ''}
      </legend>
      {field.help && <p class="hint">{field.help}</p>}
      {items.map((_, index) => (
        <fieldset key={index} class="repeat-item">
          <legend>
            {itemLabel} {index + 1}
          </legend>
          <FieldList fields={field.fields} prefix={[...path, index]} ctx={ctx} />
          <button
            type="button"
            class="button-secondary"
            onClick={() =>
              ctx.onChange(
                path,
                items.filter((__, i) => i !== index),
              )
            }
          >
            Retirer {itemLabel.toLowerCase()} {index + 1}
          </button>
        </fieldset>
      ))}
      {error && <p class="field-error">{error}</p>}
      {!full && (
        <button
          type="button"
          class="button-secondary"
          onClick={() => ctx.onChange(path, [...items, {}])}
        >
          Ajouter : {itemLabel.toLowerCase()}
        </button>
      )}
    </fieldset>
  );
}
