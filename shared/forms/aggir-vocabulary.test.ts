import { describe, expect, it } from 'vitest';
import {
  AGGIR_DISCRIMINANT_VARIABLES,
  AGGIR_ILLUSTRATIVE_VARIABLE_LABELS,
  AGGIR_RULE_VERSION,
  AGGIR_SUB_VARIABLE_LABELS,
  AGGIR_SUB_VARIABLES,
  AGGIR_VARIABLE_LABELS,
  GIR_DESCRIPTIONS_PARAPHRASED,
  aggirModalitySchema,
  combineAggirSubVariables,
} from './aggir';
import type { AggirCombinedVariable, AggirModality } from './aggir';

/**
 * The AGGIR vocabulary (codes of DESIGN §7, French labels) and the combination rules of the 2008
 * guide (aggir.md, "Combining sub-variables"), every combination written out from the rules
 * table, not from the module.
 */
describe('AGGIR vocabulary', () => {
  it('names the ten discriminant variables and the sub-variables with the codes of DESIGN §7', () => {
    expect(AGGIR_DISCRIMINANT_VARIABLES).toEqual([
      'coherence',
      'orientation',
      'toilette',
      'habillage',
      'alimentation',
      'elimination',
      'transferts',
      'deplacementsInterieur',
      'deplacementsExterieur',
      'communicationADistance',
    ]);
    expect(AGGIR_SUB_VARIABLES).toEqual({
      coherence: ['communication', 'comportement'],
      orientation: ['temps', 'espace'],
      toilette: ['haut', 'bas'],
      habillage: ['haut', 'moyen', 'bas'],
      alimentation: ['seServir', 'manger'],
      elimination: ['urinaire', 'fecale'],
    });
  });

  it('has a French label for every variable, sub-variable and illustrative variable', () => {
    expect(Object.keys(AGGIR_VARIABLE_LABELS)).toEqual([...AGGIR_DISCRIMINANT_VARIABLES]);
    for (const [variable, codes] of Object.entries(AGGIR_SUB_VARIABLES)) {
      expect(Object.keys(AGGIR_SUB_VARIABLE_LABELS[variable as AggirCombinedVariable])).toEqual([
        ...codes,
      ]);
    }
    expect(Object.keys(AGGIR_ILLUSTRATIVE_VARIABLE_LABELS)).toHaveLength(7);
    expect(Object.keys(GIR_DESCRIPTIONS_PARAPHRASED)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(AGGIR_RULE_VERSION).toBe('aggir-2008');
  });

  it('accepts only A, B or C as a modality, with a French message', () => {
    expect(aggirModalitySchema.parse('B')).toBe('B');
    expect(aggirModalitySchema.safeParse('a').error?.issues[0]?.message).toBe(
      'Choisissez A, B ou C.',
    );
  });
});

describe('combineAggirSubVariables', () => {
  function combine(variable: AggirCombinedVariable, letters: string): AggirModality {
    const codes = AGGIR_SUB_VARIABLES[variable];
    if (letters.length !== codes.length) throw new Error(`${codes.length} letters expected`);
    const subValues: Record<string, AggirModality> = {};
    codes.forEach((code, index) => {
      subValues[code] = aggirModalitySchema.parse(letters[index]);
    });
    return combineAggirSubVariables(variable, subValues);
  }

  // Written from the rules table of aggir.md §1, sub-variables in the order of DESIGN §7.
  // prettier-ignore
  const expected: Record<AggirCombinedVariable, Record<string, AggirModality>> = {
    toilette: { AA: 'A', AB: 'B', AC: 'B', BA: 'B', BB: 'B', BC: 'B', CA: 'B', CB: 'B', CC: 'C' },
    alimentation: { AA: 'A', AB: 'B', AC: 'B', BA: 'B', BB: 'B', BC: 'C', CA: 'B', CB: 'C', CC: 'C' },
    elimination: { AA: 'A', AB: 'B', AC: 'C', BA: 'B', BB: 'B', BC: 'C', CA: 'C', CB: 'C', CC: 'C' },
    coherence: { AA: 'A', AB: 'B', AC: 'C', BA: 'B', BB: 'B', BC: 'C', CA: 'C', CB: 'C', CC: 'C' },
    orientation: { AA: 'A', AB: 'B', AC: 'C', BA: 'B', BB: 'B', BC: 'C', CA: 'C', CB: 'C', CC: 'C' },
    habillage: {
      AAA: 'A', AAB: 'B', AAC: 'B', ABA: 'B', ABB: 'B', ABC: 'B', ACA: 'B', ACB: 'B', ACC: 'B',
      BAA: 'B', BAB: 'B', BAC: 'B', BBA: 'B', BBB: 'B', BBC: 'B', BCA: 'B', BCB: 'B', BCC: 'B',
      CAA: 'B', CAB: 'B', CAC: 'B', CBA: 'B', CBB: 'B', CBC: 'B', CCA: 'B', CCB: 'B', CCC: 'C',
    },
  };
  const cases = Object.entries(expected).flatMap(([variable, table]) =>
    Object.entries(table).map(([letters, value]) => ({
      variable: variable as AggirCombinedVariable,
      letters,
      value,
    })),
  );

  it('covers every combination: 9 for each pair, 27 for habillage', () => {
    expect(cases).toHaveLength(5 * 9 + 27);
  });

  it.each(cases)('$variable $letters → $value', ({ variable, letters, value }) => {
    expect(combine(variable, letters)).toBe(value);
  });

  it('refuses a variable that has no sub-variables', () => {
    // @ts-expect-error a form definition read at run time can name any variable
    expect(() => combineAggirSubVariables('transferts', {})).toThrow(
      '« transferts » n’a pas de sous-variables',
    );
    // @ts-expect-error an inherited property name is not a variable either
    expect(() => combineAggirSubVariables('toString', {})).toThrow('n’a pas de sous-variables');
  });

  it('refuses a missing or invalid sub-value instead of combining part of them', () => {
    expect(() => combineAggirSubVariables('habillage', { haut: 'A', bas: 'A' })).toThrow(
      'Sous-variable « moyen » de « habillage » manquante ou invalide',
    );
    // @ts-expect-error a stored draft may hold a value that is not A, B or C
    expect(() => combineAggirSubVariables('toilette', { haut: 'A', bas: 'D' })).toThrow('« bas »');
  });
});
