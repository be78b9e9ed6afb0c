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
  boost: { nom: 4, labels: 2, lieu: 1.5, description: 1 },
  // Only the word being typed is a prefix: earlier words are complete.
  prefix: (_term, index, terms) => index === terms.length - 1,
  // One typo from 4 letters on, two from 8 ("menagre" ~ "ménagère"); the word being typed only
  // from 5 letters, as a shorter one is mostly a prefix of what the agent means.
  fuzzy: (term, index, terms) => {
    const min = index === terms.length - 1 ? 5 : 4;
    return term.length < min ? false : term.length < 8 ? 1 : 2;
  },
  maxFuzzy: 2,
  combineWith: 'AND',
};

export class GuideIndex {
  private readonly search: MiniSearch<GuideEntry>;
  private readonly byId: Map<string, GuideEntry>;
  private readonly foldedNames: Map<string, string>;
  /** The entries in French alphabetical order, sorted once: what an empty query lists. */
  private readonly byName: GuideEntry[];

  constructor(readonly entries: readonly GuideEntry[]) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.foldedNames = new Map(entries.map((e) => [e.id, foldWord(e.nom.trim())]));
    const collator = new Intl.Collator('fr');
    this.byName = [...entries].sort((a, b) => collator.compare(a.nom, b.nom));
    this.search = new MiniSearch<GuideEntry>({
      fields: ['nom', 'labels', 'lieu', 'description'],
      // Where the service is, as one field: one field fewer to score on every keystroke.
      extractField: (entry, field) =>
        field === 'lieu'
          ? `${entry.structureNom} ${entry.commune}`
          : String(entry[field as keyof GuideEntry] ?? ''),
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
    if (withoutTrailingLetter(trimmed) === '') {
      for (const entry of this.byName) if (keep(entry)) hits.push(withKm(entry, filters.origin));
      // Stable: at equal distance (or with no origin) the alphabetical order stays.
      return filters.origin ? hits.sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity)) : hits;
    }
    const exact = foldWord(trimmed);
    const results = this.search.search(withoutTrailingLetter(trimmed), {
      filter: (r) => keep(this.byId.get(r.id as string)!),
    });
    // An exact name first, everything else in MiniSearch's order.
    const rest: GuideHit[] = [];
    for (const result of results) {
      const entry = this.byId.get(result.id as string)!;
      (this.foldedNames.get(entry.id) === exact ? hits : rest).push(withKm(entry, filters.origin));
    }
    return hits.concat(rest);
  }

  /** The index as MiniSearch stores it, for the size figures of the benchmark. */
  toJSON(): unknown {
    return this.search.toJSON();
  }
}

/**
 * The query without a last word of one letter: a single letter would match as a prefix most
 * words of the guide, costing the most for the least meaning. Results follow from the second.
 */
function withoutTrailingLetter(text: string): string {
  return text.replace(/(^|[^\p{L}\p{N}])[\p{L}\p{N}]$/u, '').trim();
}

function withKm(entry: GuideEntry, origin: Point | undefined): GuideHit {
  return origin && entry.at ? { entry, km: haversineKm(origin, entry.at) } : { entry };
}

function matches(entry: GuideEntry, f: GuideFilters): boolean {
  if (f.famille && !entry.familles.includes(f.famille)) return false;
  if (f.public && !entry.publics.includes(f.public)) return false;
  if (f.type && entry.type !== f.type) return false;
  if (f.gratuit !== undefined && entry.gratuit !== f.gratuit) return false;
  if (f.maxKm !== undefined && f.origin)
    return entry.at !== undefined && haversineKm(f.origin, entry.at) <= f.maxKm;
  if (f.codeInsee && entry.codeInsee !== f.codeInsee) return false;
  return true;
}
