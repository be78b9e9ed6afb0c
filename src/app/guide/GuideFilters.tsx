import { PUBLICS, TYPES_SERVICE } from '../../../shared/guide/enums';
import { THEMATIQUE_FAMILLES } from '../../../shared/guide/labels';
import { CommuneCombobox } from '../CommuneCombobox';
import type { SearchState } from './search-state';

/** Radii offered for "à moins de … km" of the person's commune. */
const RADII_KM = [5, 10, 20, 30];

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange: (v: string) => void;
}) {
  return (
    <div class="guide-filter">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filters of the guide search: thématique, public, type, cost, commune and distance. */
export function GuideFilters({
  state,
  onChange,
}: {
  state: SearchState;
  onChange: (next: SearchState) => void;
}) {
  const set = (patch: Partial<SearchState>) => onChange({ ...state, ...patch });
  return (
    <fieldset class="guide-filters">
      <legend>Filtres</legend>
      <Select
        id="filtre-thematique"
        label="Thématique"
        value={state.famille}
        onChange={(famille) => set({ famille })}
        options={[['', 'Toutes'], ...Object.entries(THEMATIQUE_FAMILLES)]}
      />
      <Select
        id="filtre-public"
        label="Public"
        value={state.public}
        onChange={(value) => set({ public: value })}
        options={[['', 'Tous'], ...Object.entries(PUBLICS)]}
      />
      <Select
        id="filtre-type"
        label="Type de service"
        value={state.type}
        onChange={(type) => set({ type })}
        options={[['', 'Tous'], ...Object.entries(TYPES_SERVICE)]}
      />
      <Select
        id="filtre-frais"
        label="Coût"
        value={state.frais}
        onChange={(frais) => set({ frais: frais === 'gratuit' || frais === 'payant' ? frais : '' })}
        options={[
          ['', 'Gratuit ou payant'],
          ['gratuit', 'Gratuit'],
          ['payant', 'Payant'],
        ]}
      />
      <div class="guide-filter guide-filter-wide">
        <label for="filtre-commune">Commune de la personne</label>
        <CommuneCombobox
          id="filtre-commune"
          value={state.communeInsee}
          onChange={(communeInsee) => set({ communeInsee })}
          invalid={false}
        />
      </div>
      <Select
        id="filtre-distance"
        label="Distance"
        value={state.distance}
        onChange={(distance) => set({ distance })}
        options={[
          ['', 'Toutes, les plus proches d’abord'],
          ['commune', 'Dans cette commune'],
          ...RADII_KM.map((km): [string, string] => [String(km), `À moins de ${km} km`]),
        ]}
      />
    </fieldset>
  );
}
