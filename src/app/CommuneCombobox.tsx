import { useMemo, useState } from 'preact/hooks';
import { communeByCode, communes, foldForSearch, formerCommunes } from '../../shared/communes';

interface Option {
  code: string;
  label: string;
}

const MAX_OPTIONS = 8;

/** Every commune by name and postal code, and the former communes under the commune they joined. */
const searchable: Array<Option & { key: string }> = [
  ...communes.map((c) => ({
    code: c.code,
    label: `${c.nom} (${c.codesPostaux.join(', ')})`,
    key: foldForSearch(`${c.nom} ${c.codesPostaux.join(' ')}`),
  })),
  ...formerCommunes.flatMap((f) => {
    const parent = communeByCode(f.chefLieu);
    return parent
      ? [{ code: parent.code, label: `${f.nom} → ${parent.nom}`, key: foldForSearch(f.nom) }]
      : [];
  }),
];

function search(query: string): Option[] {
  const folded = foldForSearch(query);
  if (folded === '') return [];
  const starts = searchable.filter((o) => o.key.startsWith(folded));
  const contains = searchable.filter((o) => !o.key.startsWith(folded) && o.key.includes(folded));
  return [...starts, ...contains].slice(0, MAX_OPTIONS);
}

/**
 * Choosing a commune of Loir-et-Cher by typing part of its name (accents and case ignored),
 * its postal code, or the name of a former commune. ARIA 1.2 combobox pattern: arrows move,
 * Enter chooses, Escape closes.
 */
export function CommuneCombobox(props: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  invalid: boolean;
  describedBy?: string;
}) {
  const selected = communeByCode(props.value);
  const [query, setQuery] = useState(selected?.nom ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = useMemo(() => search(query), [query]);
  const listId = `${props.id}-options`;

  function choose(option: Option) {
    props.onChange(option.code);
    setQuery(communeByCode(option.code)?.nom ?? option.label);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  return (
    <div class="combobox">
      <input
        id={props.id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        autocomplete="off"
        value={query}
        onInput={(event) => {
          const value = event.currentTarget.value;
          setQuery(value);
          setActive(0);
          setOpen(true);
          if (props.value !== '') props.onChange('');
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {open && options.length > 0 && (
        <ul id={listId} role="listbox" class="combobox-options" aria-label="Communes">
          {options.map((option, index) => (
            <li
              key={`${option.code}-${option.label}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
            >
              {option.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
