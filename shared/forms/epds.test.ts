import { describe, expect, it } from 'vitest';
import {
  EPDS_DEFAULT_THRESHOLD,
  EPDS_ITEM_THEMES,
  EpdsAnswersError,
  epdsAnxietySubscore,
  epdsScoreFromPosition,
  scoreEpds,
} from './epds';
import type { EpdsAnswerPosition, EpdsItemNumber } from './epds';

/** Ten scores in item order; `at(answers, item, score)` changes one item (1–10). */
const zeros = (): number[] => Array.from({ length: 10 }, () => 0);
function at(answers: number[], item: number, score: number): number[] {
  const copy = [...answers];
  copy[item - 1] = score;
  return copy;
}
/** Scores that total `total` without touching item 10 (items 1–9, at most 3 each). */
function totalling(total: number): number[] {
  return zeros().map((_, index) => (index < 9 ? Math.max(0, Math.min(3, total - 3 * index)) : 0));
}

describe('scoreEpds', () => {
  it('adds up the ten items, from 0 to 30', () => {
    expect(scoreEpds(zeros())).toEqual({ total: 0, aboveThreshold: false, selfHarmAlert: false });
    expect(scoreEpds([1, 2, 3, 0, 1, 2, 3, 0, 1, 0])).toEqual({
      total: 13,
      aboveThreshold: true,
      selfHarmAlert: false,
    });
    expect(scoreEpds(Array.from({ length: 10 }, () => 3))).toEqual({
      total: 30,
      aboveThreshold: true,
      selfHarmAlert: true,
    });
  });

  it('is above the default threshold from 11, not at 10', () => {
    expect(EPDS_DEFAULT_THRESHOLD).toBe(11);
    expect(totalling(10).reduce((a, b) => a + b)).toBe(10);
    expect(scoreEpds(totalling(10))).toEqual({
      total: 10,
      aboveThreshold: false,
      selfHarmAlert: false,
    });
    expect(scoreEpds(totalling(11))).toEqual({
      total: 11,
      aboveThreshold: true,
      selfHarmAlert: false,
    });
  });

  it('uses the threshold of the département protocol when one is given', () => {
    expect(scoreEpds(totalling(12), { threshold: 13 }).aboveThreshold).toBe(false);
    expect(scoreEpds(totalling(13), { threshold: 13 }).aboveThreshold).toBe(true);
    expect(scoreEpds(totalling(11), { threshold: 11.5 }).aboveThreshold).toBe(false);
    expect(scoreEpds(totalling(12), { threshold: 11.5 }).aboveThreshold).toBe(true);
  });

  it('refuses a threshold outside 0–30', () => {
    expect(() => scoreEpds(zeros(), { threshold: 31 })).toThrow(RangeError);
    expect(() => scoreEpds(zeros(), { threshold: -1 })).toThrow(RangeError);
    expect(() => scoreEpds(zeros(), { threshold: Number.NaN })).toThrow('Seuil EPDS invalide');
  });

  it('raises the self-harm alert for item 10 above 0 even when the total is 1', () => {
    expect(scoreEpds(at(zeros(), 10, 1))).toEqual({
      total: 1,
      aboveThreshold: false,
      selfHarmAlert: true,
    });
    expect(scoreEpds(at(zeros(), 10, 3)).selfHarmAlert).toBe(true);
  });

  it('raises no self-harm alert when item 10 is 0, whatever the total', () => {
    expect(
      scoreEpds(
        at(
          Array.from({ length: 10 }, () => 3),
          10,
          0,
        ),
      ),
    ).toEqual({
      total: 27,
      aboveThreshold: true,
      selfHarmAlert: false,
    });
  });
});

describe('scoreEpds: answers that cannot be scored', () => {
  function refusal(answers: readonly (number | null | undefined)[]): EpdsAnswersError {
    try {
      scoreEpds(answers);
    } catch (error) {
      if (error instanceof EpdsAnswersError) return error;
      throw error;
    }
    throw new Error('expected an EpdsAnswersError');
  }

  it('refuses fewer than ten answers and names the missing items', () => {
    const error = refusal(zeros().slice(0, 8));
    expect(error.items).toEqual([9, 10]);
    expect(error.message).toBe(
      'EPDS incomplet : réponse manquante ou invalide à l’item 9, 10 (0 à 3 attendu).',
    );
  });

  it('refuses an empty or unanswered item instead of counting it as 0', () => {
    expect(refusal(at(zeros(), 4, Number.NaN)).items).toEqual([4]);
    const withHoles: (number | null | undefined)[] = [...zeros()];
    withHoles[2] = null;
    withHoles[6] = undefined;
    expect(refusal(withHoles).items).toEqual([3, 7]);
    expect(refusal([]).items).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('refuses scores outside 0–3 and non-integer scores', () => {
    expect(refusal(at(zeros(), 1, 4)).items).toEqual([1]);
    expect(refusal(at(zeros(), 5, -1)).items).toEqual([5]);
    expect(refusal(at(zeros(), 10, 1.5)).items).toEqual([10]);
  });

  it('refuses more than ten answers', () => {
    const error = refusal([...zeros(), 0]);
    expect(error.items).toEqual([]);
    expect(error.message).toBe('L’EPDS compte 10 items : 11 réponses reçues.');
  });
});

describe('epdsScoreFromPosition', () => {
  // From the table of epds.md: score of the 1st, 2nd, 3rd and 4th printed answer.
  const printed: Record<EpdsItemNumber, readonly number[]> = {
    1: [0, 1, 2, 3],
    2: [0, 1, 2, 3],
    3: [3, 2, 1, 0],
    4: [0, 1, 2, 3],
    5: [3, 2, 1, 0],
    6: [3, 2, 1, 0],
    7: [3, 2, 1, 0],
    8: [3, 2, 1, 0],
    9: [3, 2, 1, 0],
    10: [3, 2, 1, 0],
  };
  const positions: EpdsAnswerPosition[] = [0, 1, 2, 3];
  const items: EpdsItemNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const cases = items.flatMap((item) =>
    positions.map((position) => ({ item, position, score: printed[item][position] })),
  );

  it.each(cases)(
    'item $item, answer at position $position scores $score',
    ({ item, position, score }) => {
      expect(epdsScoreFromPosition(item, position)).toBe(score);
    },
  );

  it('refuses an unknown item or position', () => {
    // @ts-expect-error a stored draft may hold an item number outside 1–10
    expect(() => epdsScoreFromPosition(11, 0)).toThrow(RangeError);
    // @ts-expect-error a stored draft may hold a position outside 0–3
    expect(() => epdsScoreFromPosition(1, 4)).toThrow('Position de réponse EPDS invalide');
  });

  it('has a short French theme for each item', () => {
    expect(Object.keys(EPDS_ITEM_THEMES)).toHaveLength(10);
  });
});

describe('epdsAnxietySubscore (EPDS-3A)', () => {
  it('adds items 3, 4 and 5 only', () => {
    expect(epdsAnxietySubscore([3, 3, 1, 2, 3, 3, 3, 3, 3, 3])).toBe(6);
    expect(epdsAnxietySubscore([0, 0, 3, 3, 3, 0, 0, 0, 0, 0])).toBe(9);
    expect(epdsAnxietySubscore(zeros())).toBe(0);
  });

  it('needs the whole questionnaire, like the total', () => {
    expect(() => epdsAnxietySubscore([0, 0, 1, 1, 1])).toThrow(EpdsAnswersError);
  });
});
