import { z } from 'zod';
import {
  AGGIR_DISCRIMINANT_VARIABLES,
  AGGIR_SUB_VARIABLES,
  type AggirCombinedVariable,
  type AggirGridDraft,
  type AggirModality,
  aggirModalitySchema,
  combineAggirSubVariables,
  computeGir,
} from './aggir';
import {
  type EpdsAnswerPosition,
  type EpdsItemNumber,
  EPDS_ITEMS,
  epdsScoreFromPosition,
  scoreEpds,
} from './epds';

/**
 * The functions a `computed` field may name. A definition only names one and says which
 * fields feed its arguments; the code is here, tested, and run the same way on the tablet
 * and on the server (which refuses a visit whose stored values differ). A function returns
 * `undefined` while its inputs are incomplete: no value is ever guessed.
 */
export interface ComputedFunction {
  /** Argument names; a `list` argument takes several field ids, in order. */
  args: Readonly<Record<string, { list?: boolean }>>;
  params: z.ZodType;
  /** A problem between the arguments and the params that their schemas cannot see. */
  check?(
    args: Readonly<Record<string, string | string[]>>,
    params: Readonly<Record<string, unknown>>,
  ): string | undefined;
  compute(
    args: Readonly<Record<string, unknown>>,
    params: Readonly<Record<string, unknown>>,
  ): unknown;
  /** How the value reads on screen, in French. */
  format(value: unknown): string;
}

const noParams = z.strictObject({});
const modality = (value: unknown): AggirModality | undefined => {
  const parsed = aggirModalitySchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};
const DAY_MS = 24 * 60 * 60 * 1000;
const isoDate = z.iso.date();

/** Age in whole days and whole calendar months at a date, both ISO `YYYY-MM-DD`. */
function ageFromBirthDate(
  birth: unknown,
  at: unknown,
): { days: number; months: number } | undefined {
  const b = isoDate.safeParse(birth);
  const a = isoDate.safeParse(at);
  if (!b.success || !a.success || a.data < b.data) return undefined;
  const days = Math.round(
    (Date.parse(`${a.data}T00:00:00Z`) - Date.parse(`${b.data}T00:00:00Z`)) / DAY_MS,
  );
  const [by, bm, bd] = b.data.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = a.data.split('-').map(Number) as [number, number, number];
  const months = (ay - by) * 12 + (am - bm) - (ad < bd ? 1 : 0);
  return { days, months };
}

/** EPDS answer positions ("0"–"3" as stored by a single choice) → item scores, or undefined. */
function epdsScores(positions: unknown): number[] | undefined {
  if (!Array.isArray(positions) || positions.length !== EPDS_ITEMS.length) return undefined;
  const scores: number[] = [];
  for (const [index, raw] of positions.entries()) {
    const position = Number(raw);
    if (typeof raw !== 'string' || !Number.isInteger(position) || position < 0 || position > 3)
      return undefined;
    scores.push(
      epdsScoreFromPosition((index + 1) as EpdsItemNumber, position as EpdsAnswerPosition),
    );
  }
  return scores;
}

export const computedFunctions: Readonly<Record<string, ComputedFunction>> = {
  ageFromBirthDate: {
    args: { birthDate: {}, at: {} },
    params: noParams,
    compute: (args) => ageFromBirthDate(args.birthDate, args.at),
    format: (value) => {
      const v = value as { days: number; months: number };
      return `${v.days} jour${v.days > 1 ? 's' : ''} (${v.months} mois)`;
    },
  },
  epdsScore: {
    args: { items: { list: true } },
    params: z.strictObject({ threshold: z.number().int().min(0).max(30).optional() }),
    check: (args) =>
      args.items?.length === EPDS_ITEMS.length
        ? undefined
        : `« items » attend les ${EPDS_ITEMS.length} items de l’EPDS, dans l’ordre.`,
    compute: (args, params) => {
      const scores = epdsScores(args.items);
      if (!scores) return undefined;
      const result = scoreEpds(scores, { threshold: params.threshold as number | undefined });
      return {
        total: result.total,
        aboveThreshold: result.aboveThreshold,
        selfHarmAlert: result.selfHarmAlert,
      };
    },
    format: (value) => {
      const v = value as { total: number; aboveThreshold: boolean };
      return `${v.total} / 30${v.aboveThreshold ? ' — au-dessus du seuil de repérage' : ' — sous le seuil de repérage'}`;
    },
  },
  epdsSelfHarmAlert: {
    args: { item10: {} },
    params: noParams,
    compute: (args) => {
      const position = Number(args.item10);
      if (
        typeof args.item10 !== 'string' ||
        !Number.isInteger(position) ||
        position < 0 ||
        position > 3
      )
        return undefined;
      return epdsScoreFromPosition(10, position as EpdsAnswerPosition) > 0;
    },
    format: (value) => (value === true ? 'Oui : réponse positive à l’item 10' : 'Non'),
  },
  aggirVariableFromSubVariables: {
    args: { subVariables: { list: true } },
    params: z.strictObject({
      variable: z.enum(Object.keys(AGGIR_SUB_VARIABLES) as [AggirCombinedVariable]),
    }),
    check: (args, params) => {
      const codes: readonly string[] =
        AGGIR_SUB_VARIABLES[params.variable as AggirCombinedVariable] ?? [];
      return args.subVariables?.length === codes.length
        ? undefined
        : `« subVariables » attend ${codes.join(', ')}, dans cet ordre.`;
    },
    compute: (args, params) => {
      const variable = params.variable as AggirCombinedVariable;
      const codes: readonly string[] = AGGIR_SUB_VARIABLES[variable];
      const values = (Array.isArray(args.subVariables) ? args.subVariables : []).map(modality);
      if (values.length !== codes.length || values.some((v) => v === undefined)) return undefined;
      const subValues = Object.fromEntries(codes.map((code, i) => [code, values[i]]));
      return combineAggirSubVariables(variable, subValues);
    },
    format: (value) => String(value),
  },
  aggirGir: {
    args: Object.fromEntries(AGGIR_DISCRIMINANT_VARIABLES.map((v) => [v, {}])),
    params: noParams,
    compute: (args) => {
      const grid: Partial<Record<string, AggirModality>> = {};
      for (const variable of AGGIR_DISCRIMINANT_VARIABLES) {
        const value = modality(args[variable]);
        if (value !== undefined) grid[variable] = value;
      }
      const result = computeGir(grid as AggirGridDraft);
      return result && { gir: result.gir, rank: result.rank, group: result.group };
    },
    format: (value) => {
      const v = value as { gir: number; rank: number; group: string };
      return `GIR ${v.gir} — rang ${v.rank}, groupe ${v.group}`;
    },
  },
};

export function computedFunction(name: string): ComputedFunction | undefined {
  return Object.hasOwn(computedFunctions, name) ? computedFunctions[name] : undefined;
}
