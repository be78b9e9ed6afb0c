import { z } from 'zod';
import { AGGIR_GROUP_TABLES, GIR_BY_RANK } from './aggir-tables';
import type { AggirCoefficient, AggirGroup, AggirRank, Gir } from './aggir-tables';

/**
 * The AGGIR grid and its GIR, as official rules: the variables of CASF Annexe 2-1 (grille
 * nationale AGGIR, version of décret n° 2008-821 du 21 août 2008), the sub-variable rules of
 * its guide de remplissage, and the algorithm of CASF Annexe 2-2. Transcribed from
 * shared/domain/aggir.md; the published tables are in aggir-tables.ts. Pure functions: the
 * device computes the GIR offline and the server recomputes it to check a signed visit.
 */

export type { AggirGroup, AggirRank, Gir } from './aggir-tables';

/** Version of the rule, stored with every computed GIR so a later rule never rewrites it. */
export const AGGIR_RULE_VERSION = 'aggir-2008';

export const AGGIR_MODALITIES = ['A', 'B', 'C'] as const;
export const aggirModalitySchema = z.enum(AGGIR_MODALITIES, { error: 'Choisissez A, B ou C.' });
export type AggirModality = z.infer<typeof aggirModalitySchema>;

/** Discriminant variables 1–8, the only ones with coefficients in Annexe 2-2. */
export const AGGIR_WEIGHTED_VARIABLES = [
  'coherence',
  'orientation',
  'toilette',
  'habillage',
  'alimentation',
  'elimination',
  'transferts',
  'deplacementsInterieur',
] as const;
export type AggirWeightedVariable = (typeof AGGIR_WEIGHTED_VARIABLES)[number];

/** The ten discriminant variables in the order of the grid (1–10). 9 and 10 weigh 0. */
export const AGGIR_DISCRIMINANT_VARIABLES = [
  ...AGGIR_WEIGHTED_VARIABLES,
  'deplacementsExterieur',
  'communicationADistance',
] as const;
export type AggirDiscriminantVariable = (typeof AGGIR_DISCRIMINANT_VARIABLES)[number];

export const AGGIR_VARIABLE_LABELS: Readonly<Record<AggirDiscriminantVariable, string>> = {
  coherence: 'Cohérence',
  orientation: 'Orientation',
  toilette: 'Toilette',
  habillage: 'Habillage',
  alimentation: 'Alimentation',
  elimination: 'Élimination',
  transferts: 'Transferts',
  deplacementsInterieur: 'Déplacement à l’intérieur',
  deplacementsExterieur: 'Déplacement à l’extérieur',
  communicationADistance: 'Communication à distance',
};

/** Sub-variables of the 2008 guide de remplissage, per variable that has them. */
export const AGGIR_SUB_VARIABLES = {
  coherence: ['communication', 'comportement'],
  orientation: ['temps', 'espace'],
  toilette: ['haut', 'bas'],
  habillage: ['haut', 'moyen', 'bas'],
  alimentation: ['seServir', 'manger'],
  elimination: ['urinaire', 'fecale'],
} as const;
export type AggirCombinedVariable = keyof typeof AGGIR_SUB_VARIABLES;
export type AggirSubVariable<V extends AggirCombinedVariable> =
  (typeof AGGIR_SUB_VARIABLES)[V][number];
export type AggirSubValues<V extends AggirCombinedVariable> = Readonly<
  Partial<Record<AggirSubVariable<V>, AggirModality>>
>;

export const AGGIR_SUB_VARIABLE_LABELS: {
  readonly [V in AggirCombinedVariable]: Readonly<Record<AggirSubVariable<V>, string>>;
} = {
  coherence: { communication: 'Communication', comportement: 'Comportement' },
  orientation: { temps: 'Dans le temps', espace: 'Dans l’espace' },
  toilette: {
    haut: 'Haut (visage, tronc, membres supérieurs, mains, rasage, coiffage)',
    bas: 'Bas (membres inférieurs, pieds, régions intimes)',
  },
  habillage: {
    haut: 'Haut',
    moyen: 'Moyen (fermetures : boutons, ceinture, bretelles…)',
    bas: 'Bas',
  },
  alimentation: {
    seServir: 'Se servir (couper, peler, remplir le verre…)',
    manger: 'Manger (porter à la bouche, avaler)',
  },
  elimination: { urinaire: 'Urinaire', fecale: 'Fécale' },
};

/** The seven illustrative variables of Annexe 2-1: rated A/B/C, never used for the GIR. */
export const AGGIR_ILLUSTRATIVE_VARIABLES = [
  'gestion',
  'cuisine',
  'menage',
  'transport',
  'achats',
  'suiviTraitement',
  'activitesTempsLibre',
] as const;
export type AggirIllustrativeVariable = (typeof AGGIR_ILLUSTRATIVE_VARIABLES)[number];

export const AGGIR_ILLUSTRATIVE_VARIABLE_LABELS: Readonly<
  Record<AggirIllustrativeVariable, string>
> = {
  gestion: 'Gestion',
  cuisine: 'Cuisine',
  menage: 'Ménage',
  transport: 'Transport',
  achats: 'Achats',
  suiviTraitement: 'Suivi du traitement',
  activitesTempsLibre: 'Activités de temps libre',
};

function isAggirModality(value: unknown): value is AggirModality {
  return aggirModalitySchema.safeParse(value).success;
}

type CombinationRule = (values: readonly AggirModality[]) => AggirModality;

const allA = (values: readonly AggirModality[]) => values.every((value) => value === 'A');

/** Toilette, habillage: all A = A; all C = C; anything else = B. */
const unanimousElseB: CombinationRule = (values) =>
  allA(values) ? 'A' : values.every((value) => value === 'C') ? 'C' : 'B';

/** Cohérence, orientation, élimination: any C = C; AA = A; otherwise (AB, BA, BB) = B. */
const anyCWins: CombinationRule = (values) =>
  values.includes('C') ? 'C' : allA(values) ? 'A' : 'B';

/** Alimentation: AA = A; CC, BC, CB = C; everything else (AB, BA, BB, AC, CA) = B. */
const alimentationRule: CombinationRule = (values) =>
  allA(values) ? 'A' : values.includes('C') && !values.includes('A') ? 'C' : 'B';

/** Rules of the 2008 guide de remplissage, as listed in aggir.md §1 (cross-checked with FreeHealth). */
const COMBINATION_RULES: Readonly<Record<AggirCombinedVariable, CombinationRule>> = {
  coherence: anyCWins,
  orientation: anyCWins,
  toilette: unanimousElseB,
  habillage: unanimousElseB,
  alimentation: alimentationRule,
  elimination: anyCWins,
};

/**
 * The A/B/C of a variable from its sub-variables (guide de remplissage 2008, aggir.md §1).
 * Throws when the variable has no sub-variables or a sub-value is missing or not A/B/C: a
 * variable value is never derived from part of its sub-variables.
 */
export function combineAggirSubVariables<V extends AggirCombinedVariable>(
  variable: V,
  subValues: AggirSubValues<V>,
): AggirModality {
  if (!Object.hasOwn(AGGIR_SUB_VARIABLES, variable)) {
    throw new Error(`La variable AGGIR « ${variable} » n’a pas de sous-variables.`);
  }
  const codes: readonly AggirSubVariable<V>[] = AGGIR_SUB_VARIABLES[variable];
  const values = codes.map((code) => {
    const value = subValues[code];
    if (!isAggirModality(value)) {
      throw new Error(
        `Sous-variable « ${code} » de « ${variable} » manquante ou invalide : A, B ou C attendu.`,
      );
    }
    return value;
  });
  return COMBINATION_RULES[variable](values);
}

/** A grid with the eight weighted variables; déplacement extérieur and communication optional. */
export type AggirGrid = Readonly<Record<AggirWeightedVariable, AggirModality>> &
  Readonly<Partial<Record<AggirDiscriminantVariable, AggirModality>>>;
/** A grid being filled in: any variable may still be missing. */
export type AggirGridDraft = Readonly<Partial<Record<AggirDiscriminantVariable, AggirModality>>>;

export interface AggirResult {
  readonly gir: Gir;
  readonly rank: AggirRank;
  /** The group of Annexe 2-2 whose threshold gave the rank, kept for audit. */
  readonly group: AggirGroup;
}

/** True when each of the eight weighted variables holds A, B or C (aggir.md §3). */
export function isCompleteAggirGrid(values: AggirGridDraft): values is AggirGrid {
  return AGGIR_WEIGHTED_VARIABLES.every((variable) => isAggirModality(values[variable]));
}

function groupSum(
  grid: AggirGrid,
  coefficients: Readonly<Record<AggirWeightedVariable, AggirCoefficient>>,
): number {
  return AGGIR_WEIGHTED_VARIABLES.reduce((sum, variable) => {
    const modality = grid[variable];
    return modality === 'A' ? sum : sum + coefficients[variable][modality];
  }, 0);
}

/**
 * The GIR of a grid by the algorithm of CASF Annexe 2-2: groups are evaluated in order A → H;
 * in each, the coefficients of the modalities are summed and compared with the group's
 * thresholds; the first threshold reached gives the rank, and the rank gives the GIR.
 *
 * An incomplete grid (one of the eight weighted variables missing or not A/B/C) has no GIR:
 * the result is then `undefined`, never a guess. A grid typed `AggirGrid` always gets a
 * result. Déplacement extérieur and communication à distance are not read (coefficient 0).
 */
export function computeGir(values: AggirGrid): AggirResult;
export function computeGir(values: AggirGridDraft): AggirResult | undefined;
export function computeGir(values: AggirGridDraft): AggirResult | undefined {
  if (!isCompleteAggirGrid(values)) return undefined;
  for (const { group, coefficients, thresholds } of AGGIR_GROUP_TABLES) {
    const sum = groupSum(values, coefficients);
    const reached = thresholds.find((threshold) => sum >= threshold.minSum);
    if (reached) return { gir: GIR_BY_RANK[reached.rank], rank: reached.rank, group };
  }
  throw new Error('Tableaux AGGIR invalides : le groupe H doit toujours donner un rang.');
}

/**
 * One sentence per GIR, PARAPHRASED: aggir.md §3 gives them "from memory of the official
 * definitions, not re-checked against the text". Fine as a hint on screen; never quote them
 * as the regulatory definition.
 */
export const GIR_DESCRIPTIONS_PARAPHRASED: Readonly<Record<Gir, string>> = {
  1: 'Personne confinée au lit ou au fauteuil, aux fonctions mentales gravement altérées, qui a besoin d’une présence continue.',
  2: 'Personne confinée au lit ou au fauteuil aux fonctions mentales en partie préservées, ou personne aux fonctions mentales altérées qui se déplace.',
  3: 'Personne autonome sur le plan mental, en partie autonome pour se déplacer, qui a besoin d’aide plusieurs fois par jour pour les soins corporels.',
  4: 'Personne qui a besoin d’aide pour les transferts mais se déplace seule à l’intérieur une fois levée, ou qui a besoin d’aide pour les soins corporels et les repas.',
  5: 'Personne qui a besoin d’une aide ponctuelle (toilette, repas, ménage).',
  6: 'Personne autonome pour les actes essentiels de la vie courante.',
};
