/**
 * Scoring of the EPDS, Edinburgh Postnatal Depression Scale (Cox, Holden & Sagovsky, Br J
 * Psychiatry 1987; French validation Guedeney & Fermanian 1998), as in shared/domain/epds.md.
 * A screening score, never a diagnosis. The item wording is not reproduced here: the form
 * shows the official French version of the PMI service; this module only knows short themes.
 */

export type EpdsItemNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
/** Points of one item, in the scoring direction (0 = best, 3 = worst). */
export type EpdsItemScore = 0 | 1 | 2 | 3;
/** Place of the chosen answer as printed on the form, 0 for the first of the four. */
export type EpdsAnswerPosition = 0 | 1 | 2 | 3;

/** Item numbers in the order of the questionnaire. */
export const EPDS_ITEMS: readonly EpdsItemNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
export const EPDS_ITEM_COUNT = EPDS_ITEMS.length;
export const EPDS_MAX_ITEM_SCORE = 3; // points
export const EPDS_MAX_TOTAL = EPDS_ITEM_COUNT * EPDS_MAX_ITEM_SCORE; // 30 points

/**
 * Default screening threshold in points: a total of 11 or more is above it (postnatal cut-off
 * of Guedeney & Fermanian 1998, 11.5 in the paper). French protocols also use 12 or 13, so it
 * is a parameter; the PMI médecin-chef of Loir-et-Cher is to confirm the département's value.
 */
export const EPDS_DEFAULT_THRESHOLD = 11; // points

/** Item about harming oneself: any score above 0 needs attention whatever the total. */
export const EPDS_SELF_HARM_ITEM: EpdsItemNumber = 10;

/** Items printed best answer last, scored 3, 2, 1, 0 from the first answer (asterisked on the form). */
export const EPDS_REVERSED_ITEMS: readonly EpdsItemNumber[] = [3, 5, 6, 7, 8, 9, 10];

/** Items of the anxiety sub-score EPDS-3A (0–9 points, informative only). */
export const EPDS_ANXIETY_ITEMS: readonly EpdsItemNumber[] = [3, 4, 5];

/** Short French themes for headings and summaries; not the wording of the items. */
export const EPDS_ITEM_THEMES: Readonly<Record<EpdsItemNumber, string>> = {
  1: 'Rire, voir le bon côté des choses',
  2: 'Envisager l’avenir avec plaisir',
  3: 'Se reprocher des choses sans raison',
  4: 'Anxiété ou inquiétude sans raison',
  5: 'Peur ou panique sans raison',
  6: 'Se sentir dépassée',
  7: 'Difficultés à dormir par tristesse',
  8: 'Tristesse',
  9: 'Pleurs',
  10: 'Idées de se faire du mal',
};

export interface EpdsResult {
  /** Sum of the ten items, 0–30 points. */
  readonly total: number;
  /** The total is at or above the threshold (≥ 11 by default). */
  readonly aboveThreshold: boolean;
  /** Item 10 scored above 0: immediate attention and a blocking alert, whatever the total. */
  readonly selfHarmAlert: boolean;
}

export interface EpdsOptions {
  /** Screening threshold in points, 0–30; `EPDS_DEFAULT_THRESHOLD` when absent. */
  readonly threshold?: number;
}

/** Answers that cannot be scored: some of the ten items are missing or not 0–3. */
export class EpdsAnswersError extends Error {
  override readonly name = 'EpdsAnswersError';

  constructor(
    message: string,
    /** Items (1–10) without a valid score; empty when there are more than ten answers. */
    readonly items: readonly EpdsItemNumber[],
  ) {
    super(message);
  }
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isItemScore(value: unknown): value is EpdsItemScore {
  return isIntegerIn(value, 0, EPDS_MAX_ITEM_SCORE);
}

interface ItemScore {
  readonly item: EpdsItemNumber;
  readonly score: EpdsItemScore;
}

/**
 * The score of each of the ten items, or an `EpdsAnswersError`: epds.md says never to total a
 * questionnaire with missing items, so a missing or out-of-range answer is refused rather
 * than counted as 0.
 */
function validScores(answers: readonly (number | null | undefined)[]): readonly ItemScore[] {
  if (answers.length > EPDS_ITEM_COUNT) {
    throw new EpdsAnswersError(
      `L’EPDS compte ${EPDS_ITEM_COUNT} items : ${answers.length} réponses reçues.`,
      [],
    );
  }
  const scores: ItemScore[] = [];
  const invalid: EpdsItemNumber[] = [];
  for (const item of EPDS_ITEMS) {
    const score = answers[item - 1];
    if (isItemScore(score)) scores.push({ item, score });
    else invalid.push(item);
  }
  if (invalid.length > 0) {
    throw new EpdsAnswersError(
      `EPDS incomplet : réponse manquante ou invalide à l’item ${invalid.join(', ')} (0 à 3 attendu).`,
      invalid,
    );
  }
  return scores;
}

const sumOf = (scores: readonly ItemScore[]) => scores.reduce((sum, { score }) => sum + score, 0);

/**
 * The EPDS total and its two flags. `answers` are the ten item scores (0–3) in item order,
 * already in the scoring direction (see `epdsScoreFromPosition`). Throws `EpdsAnswersError`
 * when an answer is missing or out of range, and a RangeError for a threshold outside 0–30.
 */
export function scoreEpds(
  answers: readonly (number | null | undefined)[],
  options: EpdsOptions = {},
): EpdsResult {
  const threshold = options.threshold ?? EPDS_DEFAULT_THRESHOLD;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > EPDS_MAX_TOTAL) {
    throw new RangeError(`Seuil EPDS invalide : ${threshold} (0 à ${EPDS_MAX_TOTAL} attendu).`);
  }
  const scores = validScores(answers);
  const total = sumOf(scores);
  return {
    total,
    aboveThreshold: total >= threshold,
    selfHarmAlert: scores.some(({ item, score }) => item === EPDS_SELF_HARM_ITEM && score > 0),
  };
}

/**
 * Anxiety sub-score EPDS-3A: items 3 + 4 + 5, 0–9 points (informative only). Asks for the
 * whole questionnaire, like the total, so a partial EPDS never yields a figure.
 */
export function epdsAnxietySubscore(answers: readonly (number | null | undefined)[]): number {
  return sumOf(validScores(answers).filter(({ item }) => EPDS_ANXIETY_ITEMS.includes(item)));
}

/** Score of each printed position on a reversed item. */
const REVERSED_SCORE: Readonly<Record<EpdsAnswerPosition, EpdsItemScore>> = {
  0: 3,
  1: 2,
  2: 1,
  3: 0,
};

/**
 * Score of the answer chosen at `position` (0 = first printed) for `item` (1–10): items 1, 2
 * and 4 score 0, 1, 2, 3 from the first answer; items 3 and 5–10 are reversed, 3, 2, 1, 0
 * (Cox 1987, asterisked items). Throws a RangeError for an unknown item or position.
 */
export function epdsScoreFromPosition(
  item: EpdsItemNumber,
  position: EpdsAnswerPosition,
): EpdsItemScore {
  if (!EPDS_ITEMS.includes(item)) {
    throw new RangeError(`Item EPDS inconnu : ${item} (1 à 10 attendu).`);
  }
  if (!isIntegerIn(position, 0, 3)) {
    throw new RangeError(`Position de réponse EPDS invalide : ${position} (0 à 3 attendu).`);
  }
  return EPDS_REVERSED_ITEMS.includes(item) ? REVERSED_SCORE[position] : position;
}
