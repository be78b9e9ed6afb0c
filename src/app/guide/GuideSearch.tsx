import { useMemo, useState } from 'preact/hooks';
import { labelOf } from '../../../shared/guide/labels';
import { FRAIS } from '../../../shared/guide/enums';
import { communeCentre } from '../../guide/distance';
import { hoursStatus } from '../../guide/opening-hours';
import type { GuideFilters as Filters, GuideHit } from '../../guide/search-index';
import { hrefFor } from '../router';
import { GuideFilters } from './GuideFilters';
import { formatKm, NearestPlaces } from './NearestPlaces';
import { saveSearch, savedSearch, type SearchState } from './search-state';
import type { LoadedGuide } from './use-guide';

/** Results shown at once; the count says how many matched. */
const MAX_SHOWN = 50;

function toFilters(state: SearchState): Filters {
  const origin = state.communeInsee ? communeCentre(state.communeInsee) : undefined;
  const radius = Number(state.distance);
  return {
    ...(state.famille ? { famille: state.famille } : {}),
    ...(state.public ? { public: state.public } : {}),
    ...(state.type ? { type: state.type } : {}),
    ...(state.frais ? { gratuit: state.frais === 'gratuit' } : {}),
    ...(origin ? { origin } : {}),
    ...(state.distance === 'commune' && state.communeInsee
      ? { codeInsee: state.communeInsee }
      : {}),
    ...(origin && Number.isFinite(radius) && radius > 0 ? { maxKm: radius } : {}),
  };
}

/** The guide search: type to search, offline, with filters and the nearest MDS and France Services. */
export function GuideSearch({
  guide,
  visitId,
}: {
  guide: LoadedGuide | undefined;
  visitId?: string;
}) {
  const [state, setState] = useState<SearchState>(savedSearch);
  const update = (next: SearchState) => {
    saveSearch(next);
    setState(next);
  };
  const hits = useMemo(
    () => guide?.index.query(state.text, toFilters(state)) ?? [],
    [guide, state],
  );
  return (
    <main id="contenu" class="page guide">
      <h1>Guide des services</h1>
      <p class="lead">
        Disponible sans réseau : {guide ? `${guide.servicesById.size} services` : 'chargement…'}.
      </p>
      <div role="search">
        <label for="guide-recherche">Rechercher un service</label>
        <input
          id="guide-recherche"
          type="search"
          autoComplete="off"
          value={state.text}
          placeholder="Ex. : aide ménagère, épicerie, dossier MDPH"
          onInput={(e) => update({ ...state, text: e.currentTarget.value })}
        />
      </div>
      <GuideFilters state={state} onChange={update} />
      {guide && state.communeInsee && (
        <NearestPlaces structures={guide.structures} communeInsee={state.communeInsee} />
      )}
      <p role="status" data-testid="guide-count">
        {hits.length === 0
          ? 'Aucun service trouvé.'
          : `${hits.length} service${hits.length > 1 ? 's' : ''} trouvé${hits.length > 1 ? 's' : ''}`}
        {hits.length > MAX_SHOWN ? ` (les ${MAX_SHOWN} premiers affichés)` : ''}
      </p>
      <ul class="cards">
        {hits.slice(0, MAX_SHOWN).map((hit) => (
          <ResultItem key={hit.entry.id} hit={hit} guide={guide!} visitId={visitId} />
        ))}
      </ul>
    </main>
  );
}

function ResultItem({
  hit,
  guide,
  visitId,
}: {
  hit: GuideHit;
  guide: LoadedGuide;
  visitId?: string;
}) {
  const service = guide.servicesById.get(hit.entry.id)!;
  const structure = guide.structuresById.get(service.structure_id);
  const hours = hoursStatus(service.horaires_accueil ?? structure?.horaires_accueil, new Date());
  return (
    <li class="card" data-testid="guide-result">
      <h2 class="guide-result-title">
        <a
          href={hrefFor({ name: 'guide-service', id: service.id, ...(visitId ? { visitId } : {}) })}
        >
          {service.nom}
        </a>
      </h2>
      <p class="meta">
        {hit.entry.structureNom} · {hit.entry.commune}
        {hit.km !== undefined ? ` · ${formatKm(hit.km)}` : ''}
        {service.frais ? ` · ${labelOf(FRAIS, service.frais)}` : ''}
      </p>
      <p class={`hours hours-${hours.state}`}>{hours.label}</p>
    </li>
  );
}
