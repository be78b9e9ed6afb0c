import { useState } from 'preact/hooks';
import {
  type PilotageQuery,
  pilotageQuerySchema,
  TERRITORY_LABELS,
} from '../../../shared/pilotage/query';
import type { PilotageReport } from '../../../shared/pilotage/report';

/** A scope choice as one select value: all, `territoire:nord` or `mds:<site id>`. */
function scopeValue(query: PilotageQuery): string {
  if (query.territory) return `territoire:${query.territory}`;
  if (query.siteId) return `mds:${query.siteId}`;
  return 'tout';
}

function withScope(query: PilotageQuery, value: string): PilotageQuery {
  const { from, to } = query;
  const [kind, id] = value.split(':');
  if (kind === 'territoire') return { from, to, territory: id as PilotageQuery['territory'] };
  if (kind === 'mds' && id) return { from, to, siteId: id };
  return { from, to };
}

/** Period and scope of the figures; "Afficher" changes the address, which loads them. */
export function PilotageFilters(props: {
  query: PilotageQuery;
  choices: PilotageReport['choices'] | undefined;
  onChange: (query: PilotageQuery) => void;
}) {
  const [from, setFrom] = useState(props.query.from);
  const [to, setTo] = useState(props.query.to);
  const [scope, setScope] = useState(scopeValue(props.query));
  const [error, setError] = useState<string | null>(null);
  const year = new Date().getFullYear();

  function apply(event: Event) {
    event.preventDefault();
    const parsed = pilotageQuerySchema.safeParse(withScope({ from, to }, scope));
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Période invalide.');
      return;
    }
    setError(null);
    props.onChange(parsed.data);
  }

  function pickYear(chosen: number) {
    setFrom(`${chosen}-01-01`);
    setTo(`${chosen}-12-31`);
  }

  return (
    <form class="pilotage-filters" onSubmit={apply} aria-label="Période et périmètre">
      <fieldset>
        <legend>Période</legend>
        <div class="year-buttons">
          {[year, year - 1, year - 2].map((y) => (
            <button type="button" class="button-secondary" key={y} onClick={() => pickYear(y)}>
              Année {y}
            </button>
          ))}
        </div>
        <div class="field-row">
          <div>
            <label for="pilotage-du">Du</label>
            <input
              id="pilotage-du"
              type="date"
              value={from}
              required
              onInput={(e) => setFrom(e.currentTarget.value)}
            />
          </div>
          <div>
            <label for="pilotage-au">Au</label>
            <input
              id="pilotage-au"
              type="date"
              value={to}
              required
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          </div>
        </div>
      </fieldset>
      <div>
        <label for="pilotage-perimetre">Territoire ou MDS</label>
        <select
          id="pilotage-perimetre"
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value)}
        >
          <option value="tout">Tout mon périmètre</option>
          {props.choices && (
            <optgroup label="Territoires">
              {props.choices.territories.map((t) => (
                <option key={t} value={`territoire:${t}`}>
                  Territoire {TERRITORY_LABELS[t]}
                </option>
              ))}
            </optgroup>
          )}
          {props.choices && (
            <optgroup label="Maisons des Solidarités">
              {props.choices.sites.map((site) => (
                <option key={site.id} value={`mds:${site.id}`}>
                  {site.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button-primary">
          Afficher
        </button>
      </div>
    </form>
  );
}
