import type { FieldDefinition, FormDefinition } from '../definition-schema';
import { options } from './options';

/** "Visite sociale" (travailleur social): situation, needs by domain, actions agreed, next appointment. */
const DOMAINS = {
  enfance_famille: 'Enfance et famille',
  autonomie: 'Autonomie',
  insertion_emploi: 'Insertion et emploi',
  logement: 'Logement',
  sante: 'Santé',
} as const;

const needFields: FieldDefinition[] = Object.entries(DOMAINS).map(([value, label]) => ({
  type: 'longText',
  id: `besoin_${value}`,
  label: `Besoins — ${label}`,
  required: true,
  visibleIf: { field: 'domainesBesoin', op: 'includes', value },
}));

export const VISITE_SOCIALE: FormDefinition = {
  formId: 'visite-sociale',
  version: 1,
  title: 'Visite sociale',
  description:
    'Situation de la personne, besoins par domaine, actions convenues et prochain rendez-vous.',
  roles: ['travailleur_social'],
  consent: {
    required: true,
    purpose:
      'Recueil des informations de la situation et partage avec les professionnels qui l’accompagnent.',
  },
  sections: [
    {
      id: 'contexte',
      title: 'Contexte',
      fields: [
        {
          type: 'date',
          id: 'dateVisite',
          label: 'Date de la visite',
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
          id: 'lieu',
          label: 'Lieu',
          required: true,
          options: options({ domicile: 'Domicile', mds: 'Maison des Solidarités', autre: 'Autre' }),
        },
        { type: 'text', id: 'motif', label: 'Motif de la visite', required: true, maxLength: 500 },
      ],
    },
    {
      id: 'situation',
      title: 'Situation',
      fields: [
        {
          type: 'singleChoice',
          id: 'compositionFoyer',
          label: 'Composition du foyer',
          options: options({
            personne_seule: 'Personne seule',
            couple: 'Couple sans enfant',
            famille_monoparentale: 'Famille monoparentale',
            couple_avec_enfants: 'Couple avec enfants',
            autre: 'Autre',
          }),
        },
        {
          type: 'repeat',
          id: 'membresFoyer',
          label: 'Membres du foyer',
          itemLabel: 'Membre',
          maxItems: 20,
          fields: [
            { type: 'text', id: 'prenom', label: 'Prénom', required: true, maxLength: 100 },
            {
              type: 'singleChoice',
              id: 'lien',
              label: 'Lien',
              options: options({
                conjoint: 'Conjoint',
                enfant: 'Enfant',
                parent: 'Parent',
                autre: 'Autre',
              }),
            },
            {
              type: 'number',
              id: 'anneeNaissance',
              label: 'Année de naissance',
              min: 1900,
              max: 2100,
              step: 1,
            },
          ],
        },
        {
          type: 'longText',
          id: 'situationObservations',
          label: 'Situation (ressources, logement, santé, réseau)',
        },
        {
          type: 'scale',
          id: 'urgence',
          label: 'Urgence de la situation selon le professionnel',
          min: 1,
          max: 5,
          minLabel: 'Pas urgent',
          maxLabel: 'Très urgent',
        },
      ],
    },
    {
      id: 'besoins',
      title: 'Besoins',
      fields: [
        {
          type: 'multipleChoice',
          id: 'domainesBesoin',
          label: 'Domaines de besoin',
          required: true,
          options: options(DOMAINS),
        },
        ...needFields,
      ],
    },
    {
      id: 'actions',
      title: 'Actions et rendez-vous',
      fields: [
        {
          type: 'repeat',
          id: 'actionsConvenues',
          label: 'Actions convenues',
          itemLabel: 'Action',
          maxItems: 20,
          fields: [
            { type: 'text', id: 'action', label: 'Action', required: true, maxLength: 300 },
            {
              type: 'singleChoice',
              id: 'qui',
              label: 'Qui la mène',
              options: options({
                personne: 'La personne',
                travailleur_social: 'Le travailleur social',
                partenaire: 'Un partenaire',
              }),
            },
            { type: 'date', id: 'echeance', label: 'Échéance' },
          ],
        },
        { type: 'date', id: 'prochainRdv', label: 'Prochain rendez-vous' },
        {
          type: 'time',
          id: 'prochainRdvHeure',
          label: 'Heure du prochain rendez-vous',
          visibleIf: { field: 'prochainRdv', op: 'answered' },
        },
        {
          type: 'text',
          id: 'prochainRdvLieu',
          label: 'Lieu du prochain rendez-vous',
          visibleIf: { field: 'prochainRdv', op: 'answered' },
        },
      ],
    },
  ],
};
