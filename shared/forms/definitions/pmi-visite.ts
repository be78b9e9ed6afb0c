import type { FormDefinition } from '../definition-schema';
import { options } from './options';
import { PMI_EPDS_SECTION } from './pmi-epds-section';

/**
 * "Visite à domicile PMI" (puéricultrice), from domain/epds.md. Measurement bounds are
 * plausibility limits for a child of 0–6 years, to catch typing errors (grams typed as kg),
 * not clinical norms. EPDS answers are stored as the printed position (0 = first answer) and
 * scored by `epdsScoreFromPosition`; the wording of the items is the PMI service's own.
 */
export const PMI_VISITE: FormDefinition = {
  formId: 'pmi-visite',
  version: 1,
  title: 'Visite à domicile PMI',
  description:
    'Visite de la puéricultrice : enfant, alimentation, sommeil, développement, bien-être du parent (EPDS), orientation.',
  roles: ['puericultrice'],
  consent: {
    required: true,
    purpose:
      'Recueil des informations de la visite et partage avec l’équipe PMI (secret professionnel).',
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
        { type: 'time', id: 'heureVisite', label: 'Heure de la visite' },
        {
          type: 'singleChoice',
          id: 'motif',
          label: 'Motif',
          required: true,
          options: options({
            post_natal: 'Post-natal',
            sortie_precoce: 'Sortie précoce de maternité',
            suivi: 'Suivi',
            prevention: 'Prévention',
          }),
        },
        {
          type: 'multipleChoice',
          id: 'presents',
          label: 'Personnes présentes',
          options: options({
            mere: 'Mère',
            pere: 'Père',
            autre_adulte: 'Autre adulte',
            fratrie: 'Frères et sœurs',
          }),
        },
      ],
    },
    {
      id: 'enfant',
      title: 'Enfant',
      fields: [
        {
          type: 'text',
          id: 'enfantDossier',
          label: 'N° de dossier PMI de l’enfant',
          help: 'Lien avec le dossier de l’enfant au service PMI.',
          maxLength: 50,
        },
        { type: 'text', id: 'enfantNom', label: 'Nom de l’enfant', required: true, maxLength: 100 },
        {
          type: 'text',
          id: 'enfantPrenom',
          label: 'Prénom de l’enfant',
          required: true,
          maxLength: 100,
        },
        {
          type: 'date',
          id: 'enfantDateNaissance',
          label: 'Date de naissance de l’enfant',
          required: true,
          min: '2000-01-01',
        },
        {
          type: 'computed',
          id: 'ageEnfant',
          label: 'Âge à la date de la visite',
          function: 'ageFromBirthDate',
          args: { birthDate: 'enfantDateNaissance', at: 'dateVisite' },
        },
        {
          type: 'number',
          id: 'termeNaissance',
          label: 'Terme à la naissance',
          unit: 'SA',
          min: 22,
          max: 44,
          step: 1,
        },
        {
          type: 'number',
          id: 'poidsNaissance',
          label: 'Poids de naissance',
          unit: 'g',
          min: 300,
          max: 6500,
          step: 1,
        },
      ],
    },
    {
      id: 'mesures',
      title: 'Mesures',
      description:
        'Bornes de plausibilité (0 à 6 ans) pour éviter les erreurs de saisie, pas des normes.',
      fields: [
        {
          type: 'number',
          id: 'poids',
          label: 'Poids',
          unit: 'g',
          min: 300,
          max: 30000,
          step: 1,
          required: true,
          help: 'En grammes : 4,2 kg = 4200 g.',
        },
        { type: 'number', id: 'taille', label: 'Taille', unit: 'cm', min: 25, max: 130, step: 0.1 },
        {
          type: 'number',
          id: 'perimetreCranien',
          label: 'Périmètre crânien',
          unit: 'cm',
          min: 20,
          max: 60,
          step: 0.1,
        },
      ],
    },
    {
      id: 'alimentationSommeil',
      title: 'Alimentation et sommeil',
      fields: [
        {
          type: 'singleChoice',
          id: 'alimentation',
          label: 'Alimentation',
          required: true,
          options: options({
            allaitement_exclusif: 'Allaitement exclusif',
            mixte: 'Allaitement mixte',
            artificiel: 'Lait infantile',
            diversifiee: 'Alimentation diversifiée',
          }),
        },
        {
          type: 'number',
          id: 'nombreTetees',
          label: 'Nombre de tétées ou biberons',
          unit: 'par 24 h',
          min: 0,
          max: 20,
          step: 1,
          visibleIf: {
            field: 'alimentation',
            op: 'in',
            value: ['allaitement_exclusif', 'mixte', 'artificiel'],
          },
        },
        { type: 'longText', id: 'difficultesAlimentation', label: 'Difficultés d’alimentation' },
        { type: 'yesNo', id: 'vitamineD', label: 'Supplémentation en vitamine D' },
        {
          type: 'singleChoice',
          id: 'positionCouchage',
          label: 'Position de couchage',
          options: options({ dos: 'Sur le dos', cote: 'Sur le côté', ventre: 'Sur le ventre' }),
        },
        { type: 'longText', id: 'sommeil', label: 'Sommeil et pleurs' },
      ],
    },
    {
      id: 'developpement',
      title: 'Développement',
      fields: [
        {
          type: 'multipleChoice',
          id: 'reperes',
          label: 'Repères de développement observés',
          options: options({
            sourire: 'Sourire-réponse',
            tenueTete: 'Tient sa tête',
            suitRegard: 'Suit du regard',
            assis: 'Tient assis sans appui',
            marche: 'Marche seul',
            premiersMots: 'Premiers mots',
          }),
        },
        {
          type: 'longText',
          id: 'developpementObservations',
          label: 'Observations sur le développement',
        },
      ],
    },
    PMI_EPDS_SECTION,
    {
      id: 'orientation',
      title: 'Orientation',
      fields: [
        {
          type: 'multipleChoice',
          id: 'orientations',
          label: 'Orientations proposées',
          options: options({
            medecin_traitant: 'Médecin traitant',
            pediatre: 'Pédiatre',
            psychologue: 'Psychologue',
            psychiatrie_perinatale: 'Psychiatrie périnatale',
            cmp: 'CMP',
            caf: 'CAF',
            assistante_sociale: 'Assistante sociale',
            laep: 'Lieu d’accueil enfants-parents',
            mode_de_garde: 'Mode de garde',
          }),
        },
        { type: 'longText', id: 'orientationPrecisions', label: 'Précisions sur l’orientation' },
        { type: 'date', id: 'prochaineVisite', label: 'Prochaine visite prévue' },
        { type: 'longText', id: 'observations', label: 'Observations' },
      ],
    },
  ],
};
