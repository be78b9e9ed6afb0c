import {
  aggirModalitySchema,
  type AggirGrid,
  type AggirGroup,
  type AggirWeightedVariable,
} from '../../shared/forms/aggir';

/**
 * The AGGIR tests' expected values, written from shared/domain/aggir.md, not from the module:
 * the coefficient table is copied below in the layout of aggir.md (one row per variable, columns
 * A → H, each cell [points if C, points if B]) so that group sums are computed independently.
 */
export const GROUPS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
type Cell = readonly [ifC: number, ifB: number];
// prettier-ignore
export const PUBLISHED: Record<AggirWeightedVariable, readonly Cell[]> = {
  coherence: [[2000, 0], [1500, 320], [0, 0], [0, 0], [400, 0], [200, 100], [150, 0], [0, 0]],
  orientation: [[1200, 0], [1200, 120], [0, 0], [0, 0], [400, 0], [200, 100], [150, 0], [0, 0]],
  toilette: [[40, 16], [40, 16], [40, 16], [0, 0], [400, 100], [500, 100], [300, 200], [3000, 2000]],
  habillage: [[40, 16], [40, 16], [40, 16], [0, 0], [400, 100], [500, 100], [300, 200], [3000, 2000]],
  alimentation: [[60, 20], [60, 0], [60, 20], [2000, 200], [400, 100], [500, 100], [500, 200], [3000, 2000]],
  elimination: [[100, 16], [100, 16], [160, 20], [400, 200], [800, 100], [500, 100], [500, 200], [3000, 2000]],
  transferts: [[800, 120], [800, 120], [1000, 200], [2000, 200], [800, 100], [500, 100], [400, 200], [1000, 2000]],
  deplacementsInterieur: [[200, 32], [-80, -40], [400, 40], [200, 0], [200, 0], [200, 0], [200, 100], [1000, 1000]],
};
/** Letter order of the tests' grid strings: 'CCAACCAB' is cohérence C, orientation C, … */
export const ORDER: readonly AggirWeightedVariable[] = [
  'coherence',
  'orientation',
  'toilette',
  'habillage',
  'alimentation',
  'elimination',
  'transferts',
  'deplacementsInterieur',
];

export function grid(letters: string): AggirGrid {
  if (letters.length !== 8) throw new Error(`8 letters expected: ${letters}`);
  const at = (index: number) => aggirModalitySchema.parse(letters[index]);
  return {
    coherence: at(0),
    orientation: at(1),
    toilette: at(2),
    habillage: at(3),
    alimentation: at(4),
    elimination: at(5),
    transferts: at(6),
    deplacementsInterieur: at(7),
  };
}

export function publishedSum(values: AggirGrid, group: AggirGroup): number {
  const column = GROUPS.indexOf(group);
  return ORDER.reduce((sum, variable) => {
    const cell = PUBLISHED[variable][column];
    if (!cell) throw new Error(`no cell for ${variable} in group ${group}`);
    const modality = values[variable];
    return sum + (modality === 'C' ? cell[0] : modality === 'B' ? cell[1] : 0);
  }, 0);
}

/** Annexe 2-2 written out as the text reads, threshold by threshold. */
export function literalAnnexe22(values: AggirGrid): { rank: number; group: AggirGroup } {
  const s = (group: AggirGroup) => publishedSum(values, group);
  if (s('A') >= 4380) return { rank: 1, group: 'A' };
  if (s('A') >= 4140) return { rank: 2, group: 'A' };
  if (s('A') >= 3390) return { rank: 3, group: 'A' };
  if (s('B') >= 2016) return { rank: 4, group: 'B' };
  if (s('C') >= 1700) return { rank: 5, group: 'C' };
  if (s('C') >= 1432) return { rank: 6, group: 'C' };
  if (s('D') >= 2400) return { rank: 7, group: 'D' };
  if (s('E') >= 1200) return { rank: 8, group: 'E' };
  if (s('F') >= 800) return { rank: 9, group: 'F' };
  if (s('G') >= 650) return { rank: 10, group: 'G' };
  if (s('H') >= 4000) return { rank: 11, group: 'H' };
  if (s('H') >= 2000) return { rank: 12, group: 'H' };
  return { rank: 13, group: 'H' };
}

/** Rank → GIR of Annexe 2-2: 1 → 1, 2–7 → 2, 8–9 → 3, 10–11 → 4, 12 → 5, 13 → 6. */
export function publishedGirOfRank(rank: number): number {
  if (rank === 1) return 1;
  if (rank <= 7) return 2;
  if (rank <= 9) return 3;
  if (rank <= 11) return 4;
  if (rank === 12) return 5;
  return 6;
}

export const ALL_GRIDS: readonly string[] = ORDER.reduce<string[]>(
  (prefixes) => prefixes.flatMap((prefix) => ['A', 'B', 'C'].map((m) => prefix + m)),
  [''],
);
