import {
  AGGIR_DISCRIMINANT_VARIABLES,
  AGGIR_ILLUSTRATIVE_VARIABLE_LABELS,
  AGGIR_ILLUSTRATIVE_VARIABLES,
  AGGIR_SUB_VARIABLE_LABELS,
  AGGIR_SUB_VARIABLES,
  AGGIR_VARIABLE_LABELS,
  type AggirCombinedVariable,
} from '../aggir';
import type { FieldDefinition, FormDefinition } from '../definition-schema';
import { AGGIR_MODALITY_OPTIONS, options } from './options';

/**
 * "Évaluation AGGIR" (conseillère autonomie), from domain/aggir.md: the ten discriminant
 * variables (six from their sub-variables by the 2008 rules, `combineAggirSubVariables`),
 * the GIR by the algorithm of CASF Annexe 2-2 (`computeGir`) shown with its rank and group,
 * the GIR decided by the équipe médico-sociale kept apart, the seven illustrative variables
 * and the plan. Field ids of the ten variables are their codes, as in `computeGir`.
 */
const combined = Object.keys(AGGIR_SUB_VARIABLES) as AggirCombinedVariable[];
const direct = AGGIR_DISCRIMINANT_VARIABLES.filter(
  (v) => !combined.includes(v as AggirCombinedVariable),
);

function combinedVariable(variable: AggirCombinedVariable): FieldDefinition {
  const subs: readonly string[] = AGGIR_SUB_VARIABLES[variable];
  const labels = AGGIR_SUB_VARIABLE_LABELS[variable] as Readonly<Record<string, string>>;
  return {
    type: 'section',
    id: `groupe_${variable}`,
    label: AGGIR_VARIABLE_LABELS[variable],
    fields: [
      ...subs.map((sub): FieldDefinition => ({
        type: 'singleChoice',
        id: `${variable}_${sub}`,
        label: `${AGGIR_VARIABLE_LABELS[variable]} — ${labels[sub]}`,
        required: true,
        options: AGGIR_MODALITY_OPTIONS,
      })),
      {
        type: 'computed',
        id: variable,
        label: `${AGGIR_VARIABLE_LABELS[variable]} (résultat)`,
        function: 'aggirVariableFromSubVariables',
        args: { subVariables: subs.map((sub) => `${variable}_${sub}`) },
        params: { variable },
      },
    ],
  };
}

export const AGGIR_EVALUATION: FormDefinition = {
  formId: 'aggir-evaluation',
  version: 1,
  title: 'Évaluation AGGIR',
  description:
    'Grille AGGIR (CASF annexes 2-1 et 2-2, règle aggir-2008), GIR proposé, GIR retenu et plan d’aide.',
  roles: ['conseillere_autonomie'],
  consent: {
    required: true,
    purpose: 'Évaluation de l’autonomie et partage avec l’équipe médico-sociale APA.',
  },
  sections: [
    {
      id: 'contexte',
      title: 'Contexte',
      fields: [
        {
          type: 'date',
          id: 'dateEvaluation',
          label: 'Date de l’évaluation',
          required: true,
          min: '2000-01-01',
        },
        {
          type: 'text',
          id: 'personneNom',
          label: 'Nom et prénom de la personne',
          required: true,
          maxLength: 200,
        },
        {
          type: 'singleChoice',
          id: 'lieuEvaluation',
          label: 'Lieu de l’évaluation',
          required: true,
          options: options({
            domicile: 'Domicile',
            etablissement: 'Établissement',
            hopital: 'Hôpital',
          }),
        },
        { type: 'text', id: 'personnesPresentes', label: 'Personnes présentes' },
      ],
    },
    {
      id: 'discriminantes',
      title: 'Variables discriminantes',
      description:
        'Pour chaque activité : ce que la personne fait, seule, spontanément, totalement, correctement et habituellement. Les aides techniques utilisées seule ne diminuent pas le score.',
      fields: [
        ...combined.map(combinedVariable),
        ...direct.map((variable): FieldDefinition => ({
          type: 'singleChoice',
          id: variable,
          label: AGGIR_VARIABLE_LABELS[variable],
          required: true,
          options: AGGIR_MODALITY_OPTIONS,
        })),
      ],
    },
    {
      id: 'resultat',
      title: 'GIR',
      fields: [
        {
          type: 'computed',
          id: 'gir',
          label: 'GIR proposé par la grille',
          help: 'Algorithme de l’annexe 2-2 du CASF : groupe et rang qui donnent le GIR.',
          function: 'aggirGir',
          args: Object.fromEntries(AGGIR_DISCRIMINANT_VARIABLES.map((v) => [v, v])),
        },
        {
          type: 'singleChoice',
          id: 'girRetenu',
          label: 'GIR retenu par l’équipe médico-sociale',
          help: 'À renseigner après validation ; peut différer du GIR proposé.',
          options: options({
            '1': 'GIR 1',
            '2': 'GIR 2',
            '3': 'GIR 3',
            '4': 'GIR 4',
            '5': 'GIR 5',
            '6': 'GIR 6',
          }),
        },
        {
          type: 'longText',
          id: 'girRetenuMotif',
          label: 'Motif si le GIR retenu diffère',
          visibleIf: { field: 'girRetenu', op: 'answered' },
        },
      ],
    },
    {
      id: 'illustratives',
      title: 'Variables illustratives',
      description: 'Elles n’entrent pas dans le calcul du GIR.',
      fields: AGGIR_ILLUSTRATIVE_VARIABLES.map((variable): FieldDefinition => ({
        type: 'singleChoice',
        id: variable,
        label: AGGIR_ILLUSTRATIVE_VARIABLE_LABELS[variable],
        options: AGGIR_MODALITY_OPTIONS,
      })),
    },
    {
      id: 'plan',
      title: 'Plan d’aide',
      fields: [
        {
          type: 'multipleChoice',
          id: 'aides',
          label: 'Aides envisagées',
          options: options({
            aide_a_domicile: 'Aide à domicile',
            portage_repas: 'Portage de repas',
            teleassistance: 'Téléassistance',
            soins_infirmiers: 'Soins infirmiers',
            accueil_de_jour: 'Accueil de jour',
            amenagement_logement: 'Aménagement du logement',
            aides_techniques: 'Aides techniques',
          }),
        },
        {
          type: 'repeat',
          id: 'aidants',
          label: 'Aidants',
          itemLabel: 'Aidant',
          maxItems: 10,
          fields: [
            { type: 'text', id: 'nom', label: 'Nom de l’aidant', required: true, maxLength: 200 },
            {
              type: 'singleChoice',
              id: 'lien',
              label: 'Lien avec la personne',
              options: options({
                conjoint: 'Conjoint',
                enfant: 'Enfant',
                autre_famille: 'Autre membre de la famille',
                voisin: 'Voisin ou ami',
                professionnel: 'Professionnel',
              }),
            },
            { type: 'yesNo', id: 'epuisement', label: 'Signes d’épuisement de l’aidant' },
          ],
        },
        {
          type: 'yesNo',
          id: 'demandeApa',
          label: 'Demande d’APA à instruire',
          help: 'L’APA est ouverte aux GIR 1 à 4.',
        },
        { type: 'longText', id: 'planCommentaires', label: 'Commentaires sur le plan' },
      ],
    },
  ],
};
