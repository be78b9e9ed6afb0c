import { beforeAll, describe, expect, it } from 'vitest';
import { toFieldIssues } from '../field-issues';
import { installFrenchValidationMessages } from '../zod-locale';
import { buildAnswersSchema, computedMismatches } from './answers-schema';
import type { FormDefinition } from './definition-schema';

beforeAll(installFrenchValidationMessages);

/** One field of every type, a condition, a repeat group and a computed value. */
const ALL_TYPES: FormDefinition = {
  formId: 'essai',
  version: 1,
  title: 'Essai',
  roles: ['travailleur_social'],
  sections: [
    {
      id: 'etape',
      title: 'Étape',
      fields: [
        { type: 'text', id: 'nom', label: 'Nom', required: true, maxLength: 10 },
        { type: 'longText', id: 'notes', label: 'Notes' },
        { type: 'number', id: 'poids', label: 'Poids', unit: 'g', min: 300, max: 30000, step: 1 },
        { type: 'date', id: 'naissance', label: 'Naissance', min: '2000-01-01' },
        { type: 'date', id: 'jour', label: 'Jour' },
        { type: 'time', id: 'heure', label: 'Heure' },
        {
          type: 'singleChoice',
          id: 'lieu',
          label: 'Lieu',
          options: [
            { value: 'domicile', label: 'Domicile' },
            { value: 'mds', label: 'MDS' },
          ],
        },
        {
          type: 'multipleChoice',
          id: 'besoins',
          label: 'Besoins',
          maxSelected: 2,
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
            { value: 'c', label: 'C' },
          ],
        },
        { type: 'yesNo', id: 'accord', label: 'Accord' },
        { type: 'scale', id: 'urgence', label: 'Urgence', min: 1, max: 5 },
        { type: 'note', id: 'info', label: 'À lire' },
        {
          type: 'section',
          id: 'domicileDetails',
          label: 'Au domicile',
          visibleIf: { field: 'lieu', op: 'equals', value: 'domicile' },
          fields: [{ type: 'text', id: 'etage', label: 'Étage', required: true }],
        },
        {
          type: 'text',
          id: 'precisionB',
          label: 'Précision',
          required: true,
          visibleIf: { field: 'besoins', op: 'includes', value: 'b' },
        },
        {
          type: 'computed',
          id: 'age',
          label: 'Âge',
          function: 'ageFromBirthDate',
          args: { birthDate: 'naissance', at: 'jour' },
        },
        {
          type: 'repeat',
          id: 'membres',
          label: 'Membres',
          maxItems: 3,
          fields: [
            { type: 'text', id: 'prenom', label: 'Prénom', required: true },
            { type: 'yesNo', id: 'enfant', label: 'Enfant' },
            {
              type: 'number',
              id: 'age',
              label: 'Âge',
              min: 0,
              max: 17,
              visibleIf: { field: 'enfant', op: 'equals', value: true },
            },
          ],
        },
      ],
    },
  ],
};
const schema = buildAnswersSchema(ALL_TYPES);
const issues = (answers: Record<string, unknown>) => {
  const parsed = schema.safeParse(answers);
  return parsed.success ? [] : toFieldIssues(parsed.error);
};

describe('the answers schema built from a definition', () => {
  it('accepts good answers of every field type and keeps them cleaned', () => {
    const parsed = schema.parse({
      nom: '  Léa ',
      notes: 'RAS',
      poids: 4200,
      naissance: '2026-01-01',
      jour: '2026-03-01',
      heure: '09:30',
      lieu: 'mds',
      besoins: ['a', 'b'],
      precisionB: 'voir',
      accord: true,
      urgence: 3,
      membres: [{ prenom: 'Tom', enfant: false }],
    });
    expect(parsed).toEqual({
      nom: 'Léa',
      notes: 'RAS',
      poids: 4200,
      naissance: '2026-01-01',
      jour: '2026-03-01',
      heure: '09:30',
      lieu: 'mds',
      besoins: ['a', 'b'],
      precisionB: 'voir',
      accord: true,
      urgence: 3,
      age: { days: 59, months: 2 },
      membres: [{ prenom: 'Tom', enfant: false }],
    });
  });

  it('refuses bad answers of every field type, each with its path and a French reason', () => {
    expect(
      issues({
        nom: 'Beaucoup trop long',
        poids: 4200.5,
        naissance: '1999-12-31',
        heure: '25:00',
        lieu: 'ailleurs',
        besoins: ['a', 'b', 'c'],
        accord: 'oui',
        urgence: 6,
        notes: 42,
        precisionB: '',
      }),
    ).toEqual([
      { path: 'nom', message: '10 caractères au plus.' },
      { path: 'notes', message: 'Texte attendu.' },
      { path: 'poids', message: 'Valeur par pas de 1 g.' },
      { path: 'naissance', message: 'La date doit être le 01/01/2000 ou après.' },
      { path: 'heure', message: 'Heure attendue (hh:mm).' },
      { path: 'lieu', message: 'Choisissez une des propositions.' },
      { path: 'besoins', message: 'Cochez au plus 2 choix.' },
      { path: 'accord', message: 'Répondez oui ou non.' },
      { path: 'urgence', message: 'Choisissez une valeur de 1 à 5.' },
      { path: 'precisionB', message: 'Ce champ est obligatoire.' },
    ]);
    expect(issues({ nom: 'A', poids: 12 })).toEqual([
      { path: 'poids', message: 'La valeur doit être au moins 300 g.' },
    ]);
    expect(issues({ nom: 'A', jour: '2026-02-30' })).toEqual([
      { path: 'jour', message: 'Date attendue (jj/mm/aaaa).' },
    ]);
    expect(issues({})).toEqual([{ path: 'nom', message: 'Ce champ est obligatoire.' }]);
  });

  it('drops hidden answers without validating them, and validates them once visible', () => {
    const hidden = { nom: 'A', lieu: 'mds', etage: 42, besoins: ['a'], precisionB: 'ignorée' };
    expect(schema.parse(hidden)).toEqual({ nom: 'A', lieu: 'mds', besoins: ['a'] });
    expect(issues({ ...hidden, lieu: 'domicile' })).toEqual([
      { path: 'etage', message: 'Texte attendu.' },
    ]);
    expect(schema.parse({ ...hidden, lieu: 'domicile', etage: '2e' })).toMatchObject({
      etage: '2e',
    });
    expect(schema.parse({ nom: 'A', inconnu: 'x' })).toEqual({ nom: 'A' });
  });

  it('validates each repeat item on its own, with the item index in the path', () => {
    expect(
      issues({
        nom: 'A',
        membres: [
          { prenom: 'Tom', enfant: true, age: 30 },
          { enfant: false, age: 30 },
        ],
      }),
    ).toEqual([
      { path: 'membres.0.age', message: 'La valeur doit être au plus 17.' },
      { path: 'membres.1.prenom', message: 'Ce champ est obligatoire.' },
    ]);
    expect(
      schema.parse({ nom: 'A', membres: [{ prenom: 'Ana', enfant: false, age: 30 }] }),
    ).toEqual({ nom: 'A', membres: [{ prenom: 'Ana', enfant: false }] });
    expect(
      issues({
        nom: 'A',
        membres: [{ prenom: 'a' }, { prenom: 'b' }, { prenom: 'c' }, { prenom: 'd' }],
      }),
    ).toEqual([{ path: 'membres', message: '3 éléments au plus.' }]);
  });

  it('fills computed values from the code only when their inputs are complete', () => {
    expect(schema.parse({ nom: 'A', naissance: '2026-01-01' })).not.toHaveProperty('age');
    expect(
      schema.parse({ nom: 'A', naissance: '2025-01-15', jour: '2026-01-14', age: 'forgé' }),
    ).toMatchObject({ age: { days: 364, months: 11 } });
  });

  it('lists computed values that differ from what the code computes', () => {
    const answers = { nom: 'A', naissance: '2026-01-01', jour: '2026-01-11' };
    expect(computedMismatches(ALL_TYPES, { ...answers, age: { months: 0, days: 10 } })).toEqual([]);
    expect(computedMismatches(ALL_TYPES, { ...answers, age: { days: 11, months: 0 } })).toEqual([
      {
        path: ['age'],
        message:
          'Valeur calculée différente : {"days":10,"months":0} attendu, {"days":11,"months":0} reçu.',
      },
    ]);
    expect(computedMismatches(ALL_TYPES, answers)).toHaveLength(1);
  });
});
