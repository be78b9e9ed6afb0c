import { beforeAll, describe, expect, it } from 'vitest';
import { installFrenchValidationMessages } from '../zod-locale';
import { BUILTIN_FORMS } from './builtin-forms';
import { validateFormDefinition } from './validate-definition';

beforeAll(installFrenchValidationMessages);

const form = (fields: unknown[], extra: Record<string, unknown> = {}) => ({
  formId: 'essai',
  version: 1,
  title: 'Essai',
  roles: ['cadre'],
  sections: [{ id: 'etape', title: 'Étape', fields }],
  ...extra,
});
const errorsOf = (input: unknown) => {
  const result = validateFormDefinition(input);
  return result.ok ? [] : result.errors;
};

describe('a form definition', () => {
  it('is accepted for each built-in form, as JSON', () => {
    for (const definition of BUILTIN_FORMS) {
      expect(validateFormDefinition(JSON.parse(JSON.stringify(definition)))).toEqual({
        ok: true,
        definition,
      });
    }
  });

  it('is refused whole with every error listed, structural and between fields', () => {
    const errors = errorsOf(
      form(
        [
          { type: 'text', id: 'a', label: 'A' },
          { type: 'text', id: 'a', label: 'Encore A' },
          { type: 'singleChoice', id: 'choix', label: 'Choix', options: [] },
          {
            type: 'multipleChoice',
            id: 'multi',
            label: 'Multi',
            options: [
              { value: 'x', label: 'X' },
              { value: 'x', label: 'X bis' },
            ],
          },
          { type: 'number', id: 'n', label: 'N', min: 5, max: 1 },
          { type: 'scale', id: 'echelle', label: 'Échelle', min: 3, max: 3 },
          { type: 'computed', id: 'k', label: 'K', function: 'eval', args: {} },
          {
            type: 'computed',
            id: 'age',
            label: 'Âge',
            function: 'ageFromBirthDate',
            args: { birthDate: 'nulle_part' },
          },
          {
            type: 'text',
            id: 'v',
            label: 'V',
            visibleIf: { field: 'fantome', op: 'equals', value: 1 },
          },
          { type: 'text', id: 'moi', label: 'Moi', visibleIf: { field: 'moi', op: 'answered' } },
          { type: 'text', id: 'consentement', label: 'Réservé' },
          { type: 'bizarre', id: 'b', label: 'B' },
        ],
        { version: 0 },
      ),
    );
    expect(errors.map((e) => e.path)).toEqual([
      'version',
      'sections.0.fields.11.type',
      'sections.0.fields.1.id',
      'sections.0.fields.10.id',
      'sections.0.fields.2.options',
      'sections.0.fields.3.options',
      'sections.0.fields.4',
      'sections.0.fields.5',
      'sections.0.fields.6.function',
      'sections.0.fields.7.args',
      'sections.0.fields.7.args.birthDate',
      'sections.0.fields.8.visibleIf',
      'sections.0.fields.9.visibleIf',
    ]);
    expect(errors).toContainEqual({
      path: 'sections.0.fields.1.id',
      message: 'Identifiant « a » en double.',
    });
    expect(errors).toContainEqual({
      path: 'sections.0.fields.8.visibleIf',
      message: 'La condition porte sur un champ inconnu : « fantome ».',
    });
    expect(errors).toContainEqual({
      path: 'sections.0.fields.4',
      message: 'Bornes de « n » : le minimum (5) dépasse le maximum (1).',
    });
  });

  it('refuses a computed field reading a computed field placed after it, or with bad params', () => {
    const sub = (id: string) => ({
      type: 'singleChoice',
      id,
      label: id,
      options: [{ value: 'A', label: 'A' }],
    });
    expect(
      errorsOf(
        form([
          sub('t1'),
          sub('t2'),
          {
            type: 'computed',
            id: 'avant',
            label: 'Avant',
            function: 'aggirGir',
            args: Object.fromEntries(
              [
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
              ].map((v) => [v, 'toilette']),
            ),
          },
          {
            type: 'computed',
            id: 'toilette',
            label: 'Toilette',
            function: 'aggirVariableFromSubVariables',
            args: { subVariables: ['t1', 't2'] },
            params: { variable: 'inconnue' },
          },
        ]),
      ).map((e) => e.message),
    ).toEqual([
      ...Array(10).fill('Le champ calculé « toilette » doit être placé avant « avant ».'),
      expect.stringMatching(/^Paramètre invalide pour aggirVariableFromSubVariables/),
    ]);
  });

  it('checks conditions in a repeat group against its siblings and the form, not other groups', () => {
    const repeat = (id: string, child: string, ref: string) => ({
      type: 'repeat',
      id,
      label: id,
      fields: [
        { type: 'yesNo', id: child, label: child },
        {
          type: 'text',
          id: `${child}Detail`,
          label: 'D',
          visibleIf: { field: ref, op: 'equals', value: true },
        },
      ],
    });
    expect(
      errorsOf(
        form([
          { type: 'yesNo', id: 'global', label: 'G' },
          repeat('g1', 'x', 'x'),
          repeat('g2', 'y', 'global'),
          repeat('g3', 'z', 'x'),
        ]),
      ),
    ).toEqual([
      {
        path: 'sections.0.fields.3.fields.1.visibleIf',
        message: 'La condition porte sur un champ inconnu : « x ».',
      },
    ]);
  });
});
