import type { FieldDefinition } from '../../shared/forms/definition-schema';
import { useState } from 'preact/hooks';
import { type AnswerPath, answerAt, inputId, numberFromInput, pathKey } from './answer-paths';
import type { RenderContext } from './render-context';

type AnswerField = Exclude<FieldDefinition, { type: 'section' | 'repeat' | 'note' | 'computed' }>;

/**
 * The input of one answered field, labelled, with its help and its error tied to it by
 * aria-describedby. Choices are native radios and checkboxes in a fieldset (keyboard and
 * screen readers for free); every target is at least 44 px high (styles.css `.form-engine`).
 */
export function FieldInput({
  field,
  path,
  ctx,
}: {
  field: AnswerField;
  path: AnswerPath;
  ctx: RenderContext;
}) {
  const id = inputId(path);
  const value = answerAt(ctx.answers, path);
  const error = ctx.errors.get(pathKey(path));
  const describedBy =
    [field.help ? `${id}-aide` : '', error ? `${id}-erreur` : ''].filter(Boolean).join(' ') ||
    undefined;
  const set = (next: unknown) => ctx.onChange(path, next);
  const unit = field.type === 'number' && field.unit ? ` (${field.unit})` : '';
  const label = `${field.label}${unit}${field.required ? ' (obligatoire)' : ''}`;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  const str = typeof value === 'string' ? value : '';

  const grouped =
    field.type === 'singleChoice' ||
    field.type === 'multipleChoice' ||
    field.type === 'yesNo' ||
    field.type === 'scale';
  const choices = grouped ? choiceList(field) : [];
  const selected = (v: string) =>
    field.type === 'multipleChoice'
      ? Array.isArray(value) && value.includes(v)
      : String(value) === v;
  const toggle = (v: string) => {
    if (field.type === 'multipleChoice') {
      const list = Array.isArray(value) ? (value as string[]) : [];
      set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
    } else if (field.type === 'yesNo') set(v === 'true');
    else if (field.type === 'scale') set(Number(v));
    else set(v);
  };

  const help = field.help && (
    <p id={`${id}-aide`} class="hint">
      {field.help}
    </p>
  );
  const message = error && (
    <p id={`${id}-erreur`} class="field-error">
      {error}
    </p>
  );
  if (grouped) {
    return (
      <fieldset
        class="field choice-group"
        id={id}
        tabIndex={-1}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      >
        <legend>{label}</legend>
        {help}
        {choices.map((choice) => (
          <label key={choice.value} class="choice">
            <input
              type={field.type === 'multipleChoice' ? 'checkbox' : 'radio'}
              name={id}
              value={choice.value}
              checked={selected(choice.value)}
              onChange={() => toggle(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
        {message}
      </fieldset>
    );
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {help}
      {field.type === 'longText' ? (
        <textarea {...common} rows={5} value={str} onInput={(e) => set(e.currentTarget.value)} />
      ) : field.type === 'number' ? (
        <NumberInput common={common} value={value} onValue={set} />
      ) : (
        <input
          {...common}
          type={field.type === 'date' ? 'date' : field.type === 'time' ? 'time' : 'text'}
          value={str}
          onInput={(e) => set(e.currentTarget.value)}
        />
      )}
      {message}
    </div>
  );
}

function choiceList(field: AnswerField): Array<{ value: string; label: string }> {
  switch (field.type) {
    case 'singleChoice':
    case 'multipleChoice':
      return field.options;
    case 'yesNo':
      return [
        { value: 'true', label: 'Oui' },
        { value: 'false', label: 'Non' },
      ];
    case 'scale':
      return Array.from({ length: field.max - field.min + 1 }, (_, i) => {
        const n = field.min + i;
        const hint =
          n === field.min ? field.minLabel : n === field.max ? field.maxLabel : undefined;
        return { value: String(n), label: hint ? `${n} — ${hint}` : String(n) };
      });
    default:
      return [];
  }
}

/**
 * A number typed the French way ("4,2"): the text is kept as typed while the answer holds the
 * number, so a half-typed "4," is not rewritten under the agent's fingers.
 */
function NumberInput({
  common,
  value,
  onValue,
}: {
  common: Record<string, unknown>;
  value: unknown;
  onValue: (v: unknown) => void;
}) {
  const [text, setText] = useState(() =>
    typeof value === 'number'
      ? String(value).replace('.', ',')
      : typeof value === 'string'
        ? value
        : '',
  );
  return (
    <input
      {...common}
      type="text"
      inputMode="decimal"
      value={text}
      onInput={(e) => {
        setText(e.currentTarget.value);
        onValue(numberFromInput(e.currentTarget.value));
      }}
    />
  );
}
