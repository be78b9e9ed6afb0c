import type { VisiteDomicileAnswers } from '../../../shared/forms/visite-domicile';
import { BLOIS, BRACIEUX, MER } from './demo-sites';

export interface DemoVisit {
  /** Names the visit's fixed id (demo-ids.ts). */
  key: string;
  siteId: string;
  daysAgo: number;
  answers: Omit<VisiteDomicileAnswers, 'date'>;
}

/** Example home visits of each field agent, by login. People and situations are invented. */
export const DEMO_VISITS: Readonly<Record<string, readonly DemoVisit[]>> = {
  'demo.pmi': [
    {
      key: 'pmi-1',
      siteId: BLOIS,
      daysAgo: 2,
      answers: {
        personName: 'Léa Martin',
        communeInsee: '41018',
        reason: 'Pesée et suivi allaitement, nourrisson de 3 semaines',
        notes: 'Prise de poids régulière. Mère fatiguée mais entourée.',
      },
    },
    {
      key: 'pmi-2',
      siteId: BLOIS,
      daysAgo: 5,
      answers: {
        personName: 'Inès Rousseau',
        communeInsee: '41295',
        reason: 'Visite post-natale',
        notes: 'Conseils sur le sommeil. Prochain rendez-vous à la MDS dans 15 jours.',
      },
    },
    {
      key: 'pmi-3',
      siteId: BRACIEUX,
      daysAgo: 9,
      answers: {
        personName: 'Manon Girard',
        communeInsee: '41025',
        reason: 'Suivi de grossesse à domicile',
        notes: 'Orientation vers la sage-femme de PMI.',
      },
    },
  ],
  'demo.autonomie': [
    {
      key: 'aut-1',
      siteId: BLOIS,
      daysAgo: 1,
      answers: {
        personName: 'Marcel Lambert',
        communeInsee: '41047',
        reason: 'Évaluation de la perte d’autonomie',
        notes: 'Vit seul, chutes récentes. Grille AGGIR à compléter avec le médecin.',
      },
    },
    {
      key: 'aut-2',
      siteId: BLOIS,
      daysAgo: 4,
      answers: {
        personName: 'Jeanne Fontaine',
        communeInsee: '41212',
        reason: 'Révision du plan d’aide APA',
        notes: 'Aidante épuisée : proposer un accueil de jour.',
      },
    },
    {
      key: 'aut-3',
      siteId: BLOIS,
      daysAgo: 8,
      answers: {
        personName: 'Roger Chevalier',
        communeInsee: '41032',
        reason: 'Adaptation du logement',
        notes: 'Barres d’appui et douche de plain-pied à prévoir.',
      },
    },
    {
      key: 'aut-4',
      siteId: BLOIS,
      daysAgo: 12,
      answers: {
        personName: 'Yvette Marchand',
        communeInsee: '41276',
        reason: 'Première visite après sortie d’hôpital',
        notes: 'Portage de repas mis en place.',
      },
    },
  ],
  'demo.numerique': [
    {
      key: 'num-1',
      siteId: BLOIS,
      daysAgo: 3,
      answers: {
        personName: 'Kevin Robin',
        communeInsee: '41018',
        reason: 'Création d’un compte France Travail',
        notes: 'Compte créé, mot de passe noté par la personne.',
      },
    },
    {
      key: 'num-2',
      siteId: MER,
      daysAgo: 6,
      answers: {
        personName: 'Odile Perrin',
        communeInsee: '41136',
        reason: 'Déclaration trimestrielle CAF en ligne',
        notes: 'Déclaration faite ensemble ; autonomie partielle.',
      },
    },
    {
      key: 'num-3',
      siteId: BLOIS,
      daysAgo: 10,
      answers: {
        personName: 'Ahmed Haddad',
        communeInsee: '41134',
        reason: 'Prise de rendez-vous médical en ligne',
        notes: 'Installation d’une application sur le téléphone.',
      },
    },
  ],
  'demo.social': [
    {
      key: 'soc-1',
      siteId: BLOIS,
      daysAgo: 2,
      answers: {
        personName: 'Famille Lemoine',
        communeInsee: '41018',
        reason: 'Difficultés de paiement du loyer',
        notes: 'Dossier FSL à monter ; orientation vers le CCAS.',
      },
    },
    {
      key: 'soc-2',
      siteId: BLOIS,
      daysAgo: 7,
      answers: {
        personName: 'Sandrine Colin',
        communeInsee: '41067',
        reason: 'Accompagnement après une séparation',
        notes: 'Point sur les droits ; rendez-vous avec le juriste de la MDS.',
      },
    },
    {
      key: 'soc-3',
      siteId: BLOIS,
      daysAgo: 11,
      answers: {
        personName: 'Thierry Noël',
        communeInsee: '41150',
        reason: 'Isolement et absence de ressources',
        notes: 'Demande de RSA à déposer ; aide alimentaire d’urgence.',
      },
    },
  ],
};
