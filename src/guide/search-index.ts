import MiniSearch, { type SearchOptions } from 'minisearch';
import { haversineKm, type Point } from './distance';
import { foldWord, processTerm, tokenize } from './fold';
import type { GuideEntry } from './guide-entry';

/**
 * The offline search of the guide. Built once when the guide is loaded (a few hundred ms for
 * 10,000 services), then each keystroke runs one MiniSearch query: French words folded
 * (accents, case), prefix search on the word being typed, typo tolerance on words of 4 letters
 * or more, a service's name weighing most, and a service whose name is exactly the query first.
 */
export interface GuideFilters {
  famille?: string;
  public?: string;
  type?: string;
  gratuit?: boolean;
  /** INSEE code: only services in this commune (when `maxKm` is not given). */
  codeInsee?: string;
  /** With `origin`: only services at most this far, in km. */
  maxKm?: number;
  origin?: Point;
}

export interface GuideHit {
  entry: GuideEntry;
  /** Straight-line km from `origin`, when one is given and the service is located. */
  km?: number;
}

const SEARCH_OPTIONS: SearchOptions = {
  boost: { nom: 4, labels: 2, structureNom: 1.5, commune: 1.5, description: 1 },
  // Only the word being typed is a prefix: earlier words are complete.
  prefix: (_term, index, terms) => index === terms.length - 1,
  // One typo from 4 letters on, two from 8: "menagere" ~ "ménagère", "amenagere" ~ "ménagère".
  fuzzy: (term) => (term.length < 4 ? false : term.length < 8 ? 1 : 2),
  maxFuzzy: 2,
  combineWith: 'AND',
};

export class GuideIndex {
  private readonly search: MiniSearch<GuideEntry>;
  private readonly byId: Map<string, GuideEntry>;

  constructor(readonly entries: readonly GuideEntry[]) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.search = new MiniSearch<GuideEntry>({
      fields: ['nom', 'labels', 'structureNom', 'commune', 'description'],
      tokenize,
      processTerm,
      searchOptions: SEARCH_OPTIONS,
    });
    this.search.addAll(entries);
  }

  /** Matching services, best first (or nearest first when there is no query but an origin). */
  query(text: string, filters: GuideFilters = {}): GuideHit[] {
    const keep = (entry: GuideEntry) => matches(entry, filters);
    const hits: GuideHit[] = [];
    const trimmed = text.trim();
    if (trimmed === '') {
      for (const entry of this.entries) if (keep(entry)) hits.push(withKm(entry, filters.origin));
      return hits.sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.entry.nom.localeCompare(b.entry.nom, 'fr'));
    }
    const exact = foldWord(trimmed);
    const results = this.search.search(trimmed, { filter: (r) => keep(this.byId.get(r.id as string)!) });
    for (const result of results) hits.push(withKm(this.byId.get(result.id as string)!, filters.origin));
    // Stable sort: an exact name first, everything else keeps MiniSearch's ranking.
    return hits.sort((a, b) => Number(foldWord(b.entry.nom) === exact) - Number(foldWord(a.entry.nom) === exact));
  }

  /** The index as MiniSearch stores it, for the size figures of the benchmark. */
  toJSON(): unknown {
    return this.search.toJSON();
  }
}

function withKm(entry: GuideEntry, origin: Point | undefined): GuideHit {
  return origin && entry.at ? { entry, km: haversineKm(origin, entry.at) } : { entry };
}

function matches(entry: GuideEntry, f: GuideFilters): boolean {
  if (f.famille && !entry.familles.includes(f.famille)) return false;
  if (f.public && !entry.publics.includes(f.public)) return false;
  if (f.type && entry.type !== f.type) return false;
  if (f.gratuit !== undefined && entry.gratuit !== f.gratuit) return false;
  if (f.maxKm !== undefined && f.origin) return entry.at !== undefined && haversineKm(f.origin, entry.at) <= f.maxKm;
  if (f.codeInsee && entry.codeInsee !== f.codeInsee) return false;
  return true;
}
