import type { AggirWeightedVariable } from './aggir';

/**
 * The published tables of the AGGIR algorithm, CASF Annexe 2-2 ("Algorithme de la grille
 * AGGIR", same tables as décret n° 97-427 du 28 avril 1997, annexe II), transcribed from
 * shared/domain/aggir.md §2. Data only: the walk through the groups is `computeGir` in aggir.ts.
 *
 * Coefficients are points without unit. A modality A is always worth 0 points, so each cell
 * gives only the points for C and for B, as the Annexe prints them. Variables 9 and 10
 * (déplacements à l'extérieur, communication à distance) are worth 0 in every group and are
 * left out of the tables.
 */

export const AGGIR_GROUPS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type AggirGroup = (typeof AGGIR_GROUPS)[number];

export type AggirRank = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13;
export type Gir = 1 | 2 | 3 | 4 | 5 | 6;

/** Points of one variable in one group: for modality C and for modality B (A is 0). */
export interface AggirCoefficient {
  readonly C: number;
  readonly B: number;
}

/** A rank reached when the group sum S is at least `minSum` points. */
export interface AggirThreshold {
  readonly minSum: number;
  readonly rank: AggirRank;
}

export interface AggirGroupTable {
  readonly group: AggirGroup;
  readonly coefficients: Readonly<Record<AggirWeightedVariable, AggirCoefficient>>;
  /** Highest threshold first; when none is reached, the algorithm goes on to the next group. */
  readonly thresholds: readonly AggirThreshold[];
}

/** Groups in the order the algorithm evaluates them, A → H. */
export const AGGIR_GROUP_TABLES: readonly AggirGroupTable[] = [
  {
    group: 'A',
    coefficients: {
      coherence: { C: 2000, B: 0 },
      orientation: { C: 1200, B: 0 },
      toilette: { C: 40, B: 16 },
      habillage: { C: 40, B: 16 },
      alimentation: { C: 60, B: 20 },
      elimination: { C: 100, B: 16 },
      transferts: { C: 800, B: 120 },
      deplacementsInterieur: { C: 200, B: 32 },
    },
    thresholds: [
      { minSum: 4380, rank: 1 },
      { minSum: 4140, rank: 2 },
      { minSum: 3390, rank: 3 },
    ],
  },
  {
    group: 'B',
    coefficients: {
      coherence: { C: 1500, B: 320 },
      orientation: { C: 1200, B: 120 },
      toilette: { C: 40, B: 16 },
      habillage: { C: 40, B: 16 },
      alimentation: { C: 60, B: 0 },
      elimination: { C: 100, B: 16 },
      transferts: { C: 800, B: 120 },
      // Negative in the published table: moving about inside lowers the group B sum.
      deplacementsInterieur: { C: -80, B: -40 },
    },
    thresholds: [{ minSum: 2016, rank: 4 }],
  },
  {
    group: 'C',
    coefficients: {
      coherence: { C: 0, B: 0 },
      orientation: { C: 0, B: 0 },
      toilette: { C: 40, B: 16 },
      habillage: { C: 40, B: 16 },
      alimentation: { C: 60, B: 20 },
      elimination: { C: 160, B: 20 },
      transferts: { C: 1000, B: 200 },
      deplacementsInterieur: { C: 400, B: 40 },
    },
    thresholds: [
      { minSum: 1700, rank: 5 },
      { minSum: 1432, rank: 6 },
    ],
  },
  {
    group: 'D',
    coefficients: {
      coherence: { C: 0, B: 0 },
      orientation: { C: 0, B: 0 },
      toilette: { C: 0, B: 0 },
      habillage: { C: 0, B: 0 },
      alimentation: { C: 2000, B: 200 },
      elimination: { C: 400, B: 200 },
      transferts: { C: 2000, B: 200 },
      deplacementsInterieur: { C: 200, B: 0 },
    },
    thresholds: [{ minSum: 2400, rank: 7 }],
  },
  {
    group: 'E',
    coefficients: {
      coherence: { C: 400, B: 0 },
      orientation: { C: 400, B: 0 },
      toilette: { C: 400, B: 100 },
      habillage: { C: 400, B: 100 },
      alimentation: { C: 400, B: 100 },
      elimination: { C: 800, B: 100 },
      transferts: { C: 800, B: 100 },
      deplacementsInterieur: { C: 200, B: 0 },
    },
    thresholds: [{ minSum: 1200, rank: 8 }],
  },
  {
    group: 'F',
    coefficients: {
      coherence: { C: 200, B: 100 },
      orientation: { C: 200, B: 100 },
      toilette: { C: 500, B: 100 },
      habillage: { C: 500, B: 100 },
      alimentation: { C: 500, B: 100 },
      elimination: { C: 500, B: 100 },
      transferts: { C: 500, B: 100 },
      deplacementsInterieur: { C: 200, B: 0 },
    },
    thresholds: [{ minSum: 800, rank: 9 }],
  },
  {
    group: 'G',
    coefficients: {
      coherence: { C: 150, B: 0 },
      orientation: { C: 150, B: 0 },
      toilette: { C: 300, B: 200 },
      habillage: { C: 300, B: 200 },
      alimentation: { C: 500, B: 200 },
      elimination: { C: 500, B: 200 },
      transferts: { C: 400, B: 200 },
      deplacementsInterieur: { C: 200, B: 100 },
    },
    thresholds: [{ minSum: 650, rank: 10 }],
  },
  {
    group: 'H',
    coefficients: {
      coherence: { C: 0, B: 0 },
      orientation: { C: 0, B: 0 },
      toilette: { C: 3000, B: 2000 },
      habillage: { C: 3000, B: 2000 },
      alimentation: { C: 3000, B: 2000 },
      elimination: { C: 3000, B: 2000 },
      // As published: in group H transferts B is worth more than transferts C.
      transferts: { C: 1000, B: 2000 },
      deplacementsInterieur: { C: 1000, B: 1000 },
    },
    // The last group always ends the walk: "S < 2000 → rang 13".
    thresholds: [
      { minSum: 4000, rank: 11 },
      { minSum: 2000, rank: 12 },
      { minSum: Number.NEGATIVE_INFINITY, rank: 13 },
    ],
  },
];

/** "Rang → GIR" table of CASF Annexe 2-2: 1 → GIR 1, 2–7 → 2, 8–9 → 3, 10–11 → 4, 12 → 5, 13 → 6. */
export const GIR_BY_RANK: Readonly<Record<AggirRank, Gir>> = {
  1: 1,
  2: 2,
  3: 2,
  4: 2,
  5: 2,
  6: 2,
  7: 2,
  8: 3,
  9: 3,
  10: 4,
  11: 4,
  12: 5,
  13: 6,
};
