import type { FormDefinition } from '../definition-schema';
import { options } from './options';

/**
 * "Compte rendu d'activité" (conseiller numérique). Field ids and option values are exactly
 * the Coop de la médiation numérique's (domain/cra-mediation-numerique.md, Prisma values),
 * so a CRA can be exported to the Coop without translation. The beneficiary stays anonymous.
 */
const demarche = {
  field: 'thematiques',
  op: 'includes',
  value: 'aide_aux_demarches_administratives',
} as const;
const individuel = { field: 'type', op: 'equals', value: 'individuel' } as const;
const collectif = { field: 'type', op: 'equals', value: 'collectif' } as const;

export const CRA_MEDIATION_NUMERIQUE: FormDefinition = {
  formId: 'cra-mediation-numerique',
  version: 1,
  title: 'Compte rendu d’activité',
  description:
    'Accompagnement individuel ou atelier collectif de médiation numérique (vocabulaire de la Coop de la médiation numérique).',
  roles: ['conseiller_numerique'],
  sections: [
    {
      id: 'activite',
      title: 'Activité',
      fields: [
        {
          type: 'singleChoice',
          id: 'type',
          label: 'Type d’activité',
          required: true,
          options: options({
            individuel: 'Accompagnement individuel',
            collectif: 'Atelier collectif',
          }),
        },
        { type: 'date', id: 'date', label: 'Date', required: true, min: '2000-01-01' },
        {
          type: 'number',
          id: 'duree',
          label: 'Durée',
          unit: 'min',
          min: 1,
          max: 1439,
          step: 1,
          required: true,
          help: 'Le plus souvent 15, 30, 45, 60, 90 ou 120 minutes.',
        },
        {
          type: 'singleChoice',
          id: 'typeLieu',
          label: 'Lieu',
          required: true,
          options: options({
            lieu_activite: 'Lieu d’activité',
            domicile: 'À domicile',
            a_distance: 'À distance',
            autre: 'Autre lieu',
          }),
        },
        {
          type: 'text',
          id: 'lieuCommune',
          label: 'Commune',
          required: true,
          maxLength: 100,
          visibleIf: { field: 'typeLieu', op: 'in', value: ['domicile', 'autre'] },
        },
        {
          type: 'text',
          id: 'lieuCodeInsee',
          label: 'Code INSEE de la commune',
          maxLength: 5,
          visibleIf: { field: 'typeLieu', op: 'in', value: ['domicile', 'autre'] },
        },
      ],
    },
    {
      id: 'contenu',
      title: 'Thématiques et matériel',
      fields: [
        {
          type: 'multipleChoice',
          id: 'thematiques',
          label: 'Thématiques',
          required: true,
          minSelected: 1,
          options: options({
            diagnostic_numerique: 'Diagnostic numérique',
            prendre_en_main_du_materiel: 'Prendre en main du matériel',
            maintenance_de_materiel: 'Maintenance de matériel',
            gere_ses_contenus_numeriques: 'Gérer ses contenus numériques',
            navigation_sur_internet: 'Navigation sur internet',
            email: 'E-mail',
            bureautique: 'Bureautique',
            reseaux_sociaux: 'Réseaux sociaux communication',
            sante: 'Santé',
            banque_et_achats_en_ligne: 'Banque et achats en ligne',
            entrepreneuriat: 'Accompagner un professionnel',
            insertion_professionnelle: 'Insertion professionnelle',
            securite_numerique: 'Prévention en sécurité numérique',
            parentalite: 'Parentalité',
            scolarite_et_numerique: 'Scolarité et numérique',
            creer_avec_le_numerique: 'Créer avec le numérique',
            culture_numerique: 'Culture numérique',
            intelligence_artificielle: 'Intelligence artificielle',
            aide_aux_demarches_administratives: 'Aide aux démarches administratives',
          }),
        },
        {
          type: 'multipleChoice',
          id: 'thematiquesDemarche',
          label: 'Démarches administratives',
          visibleIf: demarche,
          options: options({
            papiers_elections_citoyennete: 'Papiers - Élections - Citoyenneté',
            famille_scolarite: 'Famille - Scolarité',
            social_sante: 'Social - Santé',
            travail_formation: 'Travail - Formation - Entreprise',
            logement: 'Logement',
            transports_mobilite: 'Transports - Mobilité',
            argent_impots: 'Argent - Impôts',
            justice: 'Justice',
            etrangers_europe: 'Étrangers - Europe',
            loisirs_sports_culture: 'Loisirs - Sports - Culture',
            associations: 'Associations',
          }),
        },
        {
          type: 'text',
          id: 'precisionsDemarche',
          label: 'Précisions sur la démarche',
          visibleIf: demarche,
        },
        {
          type: 'multipleChoice',
          id: 'materiel',
          label: 'Matériel utilisé',
          options: options({
            ordinateur: 'Ordinateur',
            telephone: 'Téléphone',
            tablette: 'Tablette',
            autre: 'Autre',
            aucun: 'Aucun',
          }),
        },
      ],
    },
    {
      id: 'beneficiaire',
      title: 'Personne accompagnée',
      visibleIf: individuel,
      fields: [
        {
          type: 'singleChoice',
          id: 'autonomie',
          label: 'Autonomie de la personne pendant l’accompagnement',
          options: options({
            entierement_accompagne: 'Entièrement accompagnée',
            partiellement_autonome: 'Partiellement autonome',
            autonome: 'Autonome',
          }),
        },
        {
          type: 'yesNo',
          id: 'orienteVersStructure',
          label: 'Personne orientée vers une autre structure',
        },
        {
          type: 'singleChoice',
          id: 'structureDeRedirection',
          label: 'Structure de redirection',
          required: true,
          visibleIf: { field: 'orienteVersStructure', op: 'equals', value: true },
          options: options({
            administration: 'Administration',
            mediation_numerique: 'Médiation numérique',
            operateur_ou_organisme_en_charge: 'Opérateur ou organisme en charge',
            aide_sociale: 'Aide sociale',
            insertion_professionnelle: 'Insertion professionnelle',
            aide_aux_demarches_administratives: 'Aide aux démarches administratives',
            autre: 'Autre',
          }),
        },
        {
          type: 'singleChoice',
          id: 'genre',
          label: 'Genre',
          options: options({
            masculin: 'Masculin',
            feminin: 'Féminin',
            non_communique: 'Non communiqué',
          }),
        },
        {
          type: 'singleChoice',
          id: 'trancheAge',
          label: 'Tranche d’âge',
          options: options({
            moins_de_douze: 'Moins de 12 ans',
            douze_dix_huit: '12 à 18 ans',
            dix_huit_vingt_quatre: '18 à 24 ans',
            vingt_cinq_trente_neuf: '25 à 39 ans',
            quarante_cinquante_neuf: '40 à 59 ans',
            soixante_soixante_neuf: '60 à 69 ans',
            soixante_dix_plus: '70 ans et plus',
            non_communique: 'Non communiqué',
          }),
        },
        {
          type: 'singleChoice',
          id: 'statutSocial',
          label: 'Statut social',
          options: options({
            scolarise: 'Scolarisé',
            sans_emploi: 'Sans emploi',
            en_emploi: 'En emploi',
            retraite: 'Retraité',
            non_communique: 'Non communiqué',
          }),
        },
      ],
    },
    {
      id: 'atelier',
      title: 'Atelier collectif',
      visibleIf: collectif,
      fields: [
        { type: 'text', id: 'titreAtelier', label: 'Titre de l’atelier', maxLength: 200 },
        {
          type: 'singleChoice',
          id: 'niveau',
          label: 'Niveau',
          options: options({
            debutant: 'Débutant',
            intermediaire: 'Intermédiaire',
            avance: 'Avancé',
          }),
        },
        {
          type: 'number',
          id: 'participantsAnonymes',
          label: 'Nombre de participants',
          unit: 'personnes',
          min: 1,
          max: 10000,
          step: 1,
          required: true,
        },
      ],
    },
    {
      id: 'notesSection',
      title: 'Notes',
      fields: [{ type: 'longText', id: 'notes', label: 'Notes' }],
    },
  ],
};
