/**
 * Service templates for the demo guide: what kinds of help exist in a département like
 * Loir-et-Cher, by thématique. Each template is instantiated at several demo structures by
 * scripts/generate-demo-guide.ts. Wording is invented for the demonstration.
 */
export interface ServiceTemplate {
  nom: string;
  description: string;
  thematiques: string[];
  publics: string[];
  type:
    | 'accompagnement'
    | 'aide-financiere'
    | 'aide-materielle'
    | 'atelier'
    | 'formation'
    | 'information';
  frais: 'gratuit' | 'payant';
  modes: string[];
  /** Which demo structures offer it: by kind. */
  at: Array<
    | 'mds'
    | 'france-services'
    | 'ccas'
    | 'association'
    | 'mediatheque'
    | 'caf-cpam'
    | 'mission-locale'
  >;
  conditions?: string;
}

const T = (t: ServiceTemplate) => t;

export const SERVICE_TEMPLATES: ServiceTemplate[] = [
  T({
    nom: 'Aide ménagère à domicile',
    description:
      'Une aide à domicile vient chez vous pour le ménage, le linge et les courses. Le nombre d’heures dépend de votre situation.',
    thematiques: [
      'equipement-et-alimentation--aide-menagere',
      'famille--prise-en-charge-personne-dependante',
    ],
    publics: ['seniors', 'personnes-en-situation-de-handicap'],
    type: 'aide-materielle',
    frais: 'payant',
    modes: ['telephoner'],
    at: ['ccas', 'mds'],
    conditions: 'Avoir plus de 60 ans ou une reconnaissance de handicap.',
  }),
  T({
    nom: 'Portage de repas à domicile',
    description:
      'Des repas sont livrés chez vous plusieurs fois par semaine. Les menus tiennent compte des régimes.',
    thematiques: ['equipement-et-alimentation--alimentation'],
    publics: ['seniors', 'personnes-en-situation-de-handicap'],
    type: 'aide-materielle',
    frais: 'payant',
    modes: ['telephoner'],
    at: ['ccas'],
  }),
  T({
    nom: 'Épicerie solidaire',
    description:
      'Vous faites vos courses à petit prix. Les produits coûtent 10 à 30 % de leur prix en magasin.',
    thematiques: ['equipement-et-alimentation--alimentation'],
    publics: ['familles', 'beneficiaires-des-minimas-sociaux'],
    type: 'aide-materielle',
    frais: 'payant',
    modes: ['se-presenter'],
    at: ['association', 'ccas'],
    conditions: 'Sur orientation d’un travailleur social.',
  }),
  T({
    nom: 'Distribution alimentaire',
    description: 'Des colis alimentaires sont donnés chaque semaine. Un bénévole vous accueille.',
    thematiques: ['equipement-et-alimentation--alimentation'],
    publics: ['personnes-en-situation-durgence', 'tous-publics'],
    type: 'aide-materielle',
    frais: 'gratuit',
    modes: ['se-presenter'],
    at: ['association'],
  }),
  T({
    nom: 'Vestiaire solidaire',
    description: 'Des vêtements pour adultes et enfants, à petit prix ou gratuits.',
    thematiques: ['equipement-et-alimentation--habillement'],
    publics: ['tous-publics'],
    type: 'aide-materielle',
    frais: 'payant',
    modes: ['se-presenter'],
    at: ['association'],
  }),
  T({
    nom: 'Aide aux démarches administratives',
    description:
      'Un agent vous aide à remplir vos papiers : CAF, impôts, retraite, carte grise. Il vous explique les courriers reçus.',
    thematiques: [
      'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
      'numerique--acceder-a-des-services-en-ligne',
    ],
    publics: ['tous-publics'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['se-presenter', 'telephoner'],
    at: ['france-services', 'mds'],
  }),
  T({
    nom: 'Accès aux droits et aux prestations',
    description:
      'Faire le point sur vos droits : RSA, prime d’activité, APL, complémentaire santé solidaire.',
    thematiques: [
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
    ],
    publics: ['beneficiaires-des-minimas-sociaux', 'familles'],
    type: 'information',
    frais: 'gratuit',
    modes: ['telephoner', 'se-presenter'],
    at: ['france-services', 'mds', 'caf-cpam'],
  }),
  T({
    nom: 'Permanence d’accès au droit',
    description:
      'Un juriste répond à vos questions : famille, logement, travail, dettes. C’est confidentiel.',
    thematiques: [
      'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire',
      'difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination',
    ],
    publics: ['tous-publics'],
    type: 'information',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['france-services'],
  }),
  T({
    nom: 'Accompagnement budgétaire',
    description: 'Une conseillère vous aide à faire votre budget et à payer vos factures à temps.',
    thematiques: [
      'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
      'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
    ],
    publics: ['familles', 'beneficiaires-des-minimas-sociaux'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['mds', 'ccas'],
  }),
  T({
    nom: 'Dossier de surendettement',
    description:
      'On vous aide à monter le dossier pour la Banque de France quand vous ne pouvez plus payer vos dettes.',
    thematiques: ['difficultes-financieres--situation-dendettement-surendettement'],
    publics: ['tous-publics'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['mds', 'association'],
  }),
  T({
    nom: 'Aide financière d’urgence',
    description:
      'Une aide ponctuelle pour payer une facture d’énergie, d’eau, ou acheter à manger.',
    thematiques: ['difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere'],
    publics: ['personnes-en-situation-durgence', 'familles'],
    type: 'aide-financiere',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['ccas', 'mds'],
    conditions: 'Sur dossier, avec vos justificatifs de ressources.',
  }),
  T({
    nom: 'Conseiller numérique : premiers pas',
    description:
      'Apprendre à utiliser une tablette, un smartphone ou un ordinateur. Par petits groupes.',
    thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique'],
    publics: ['seniors', 'tous-publics'],
    type: 'atelier',
    frais: 'gratuit',
    modes: ['telephoner', 'se-presenter'],
    at: ['mediatheque', 'france-services'],
  }),
  T({
    nom: 'Créer son adresse mail et ses comptes en ligne',
    description:
      'Créer une adresse mail, un compte Ameli, un compte CAF, FranceConnect. Garder ses mots de passe.',
    thematiques: [
      'numerique--acceder-a-des-services-en-ligne',
      'numerique--maitriser-les-fondamentaux-du-numerique',
    ],
    publics: ['tous-publics'],
    type: 'atelier',
    frais: 'gratuit',
    modes: ['se-presenter'],
    at: ['mediatheque', 'france-services'],
  }),
  T({
    nom: 'Ordinateur en libre accès',
    description:
      'Un ordinateur, une imprimante et internet, en accès libre. Un médiateur peut vous aider.',
    thematiques: ['numerique--acceder-a-une-connexion-internet'],
    publics: ['tous-publics'],
    type: 'aide-materielle',
    frais: 'gratuit',
    modes: ['se-presenter'],
    at: ['mediatheque', 'france-services'],
  }),
  T({
    nom: 'Ordinateur reconditionné à petit prix',
    description: 'Acheter un ordinateur ou une tablette remis à neuf, à petit prix.',
    thematiques: ['numerique--acquerir-un-equipement'],
    publics: ['beneficiaires-des-minimas-sociaux', 'jeunes'],
    type: 'aide-materielle',
    frais: 'payant',
    modes: ['telephoner'],
    at: ['association'],
  }),
  T({
    nom: 'Consultations de PMI',
    description:
      'Une puéricultrice et un médecin suivent la santé de votre bébé : poids, vaccins, alimentation.',
    thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation', 'sante--acces-aux-soins'],
    publics: ['familles'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['mds'],
    conditions: 'Pour les enfants de moins de 6 ans.',
  }),
  T({
    nom: 'Lieu d’accueil enfants-parents',
    description:
      'Un lieu pour jouer avec votre enfant et parler avec d’autres parents. Sans inscription.',
    thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation'],
    publics: ['familles'],
    type: 'atelier',
    frais: 'gratuit',
    modes: ['se-presenter'],
    at: ['association', 'mds'],
  }),
  T({
    nom: 'Relais petite enfance',
    description: 'Trouver une assistante maternelle ou une crèche près de chez vous.',
    thematiques: ['famille--garde-denfants'],
    publics: ['familles'],
    type: 'information',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['ccas'],
  }),
  T({
    nom: 'Écoute des victimes de violences',
    description: 'Une écoute et un soutien si vous subissez des violences. C’est confidentiel.',
    thematiques: ['famille--surmonter-conflits-separation-violence'],
    publics: ['femmes', 'personnes-en-situation-durgence'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['association', 'mds'],
  }),
  T({
    nom: 'Soutien aux proches aidants',
    description:
      'Vous aidez un proche malade ou âgé ? Des temps d’échange et de répit vous sont proposés.',
    thematiques: ['famille--soutien-aidants'],
    publics: ['seniors', 'tous-publics'],
    type: 'atelier',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['association', 'mds'],
  }),
  T({
    nom: 'Évaluation APA à domicile',
    description:
      'Une conseillère autonomie vient chez vous pour évaluer vos besoins et proposer un plan d’aide.',
    thematiques: ['famille--prise-en-charge-personne-dependante'],
    publics: ['seniors'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['mds'],
    conditions: 'Avoir 60 ans ou plus.',
  }),
  T({
    nom: 'Dossier MDPH',
    description: 'Aide pour remplir le dossier de la MDPH : AAH, carte mobilité inclusion, PCH.',
    thematiques: ['sante--constituer-un-dossier-mdph-invalidite'],
    publics: ['personnes-en-situation-de-handicap'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['mds', 'france-services'],
  }),
  T({
    nom: 'Point santé et complémentaire santé',
    description:
      'Vérifier vos droits à l’assurance maladie et à la complémentaire santé solidaire.',
    thematiques: ['sante--acces-aux-soins'],
    publics: ['tous-publics'],
    type: 'information',
    frais: 'gratuit',
    modes: ['se-presenter'],
    at: ['caf-cpam', 'france-services'],
  }),
  T({
    nom: 'Consultation en addictologie',
    description:
      'Parler de l’alcool, du tabac ou d’autres produits avec un professionnel. Anonyme.',
    thematiques: ['sante--addictions'],
    publics: ['tous-publics', 'jeunes'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['association'],
  }),
  T({
    nom: 'Écoute et soutien psychologique',
    description: 'Un psychologue vous reçoit pour parler de ce qui ne va pas.',
    thematiques: ['sante--sante-mentale', 'remobilisation--bien-etre-confiance-en-soi'],
    publics: ['tous-publics'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['association', 'mission-locale'],
  }),
  T({
    nom: 'Recherche de logement social',
    description: 'Déposer une demande de logement social et suivre votre dossier.',
    thematiques: [
      'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
      'logement-hebergement--louer-un-logement',
    ],
    publics: ['tous-publics'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['se-presenter'],
    at: ['ccas', 'france-services'],
  }),
  T({
    nom: 'Prévention des expulsions',
    description:
      'Vous avez des loyers impayés ? On cherche avec vous une solution pour rester chez vous.',
    thematiques: [
      'logement-hebergement--reduire-les-impayes-de-loyer',
      'logement-hebergement--se-maintenir-dans-le-logement',
    ],
    publics: ['familles', 'tous-publics'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['mds'],
  }),
  T({
    nom: 'Hébergement d’urgence',
    description: 'Une place pour dormir ce soir. Appelez le 115, c’est gratuit, jour et nuit.',
    thematiques: ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire'],
    publics: ['personnes-en-situation-durgence'],
    type: 'aide-materielle',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['association'],
  }),
  T({
    nom: 'Location de scooter pour aller travailler',
    description: 'Louer un scooter à petit prix pour aller au travail ou en formation.',
    thematiques: [
      'mobilite--acceder-a-un-vehicule',
      'mobilite--etre-accompagne-dans-son-parcours-mobilite',
    ],
    publics: ['demandeurs-emploi', 'jeunes'],
    type: 'aide-materielle',
    frais: 'payant',
    modes: ['telephoner'],
    at: ['mission-locale', 'association'],
  }),
  T({
    nom: 'Transport solidaire',
    description: 'Des bénévoles vous conduisent à vos rendez-vous médicaux ou administratifs.',
    thematiques: ['mobilite--mobilite-douce-partagee-collective'],
    publics: ['seniors', 'personnes-en-situation-de-handicap'],
    type: 'aide-materielle',
    frais: 'payant',
    modes: ['telephoner'],
    at: ['association', 'ccas'],
    conditions: 'Réserver 48 heures à l’avance.',
  }),
  T({
    nom: 'Aide au permis de conduire',
    description: 'Une aide pour financer et préparer le permis B.',
    thematiques: ['mobilite--preparer-un-permis', 'mobilite--financer-ma-mobilite'],
    publics: ['jeunes', 'demandeurs-emploi'],
    type: 'aide-financiere',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['mission-locale'],
  }),
  T({
    nom: 'Accompagnement vers l’emploi des jeunes',
    description:
      'Un conseiller vous aide à trouver une formation ou un emploi. Pour les 16-25 ans.',
    thematiques: [
      'trouver-un-emploi--repondre-a-des-offres-demploi',
      'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
    ],
    publics: ['jeunes'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['se-presenter', 'telephoner'],
    at: ['mission-locale'],
  }),
  T({
    nom: 'Atelier CV et lettre de motivation',
    description: 'Écrire votre CV et votre lettre de motivation, avec un conseiller.',
    thematiques: ['preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation'],
    publics: ['demandeurs-emploi'],
    type: 'atelier',
    frais: 'gratuit',
    modes: ['se-presenter'],
    at: ['france-services', 'mission-locale', 'mediatheque'],
  }),
  T({
    nom: 'Accompagnement des allocataires du RSA',
    description: 'Un référent vous accompagne dans votre projet : emploi, santé, logement.',
    thematiques: [
      'trouver-un-emploi--maintien-dans-lemploi',
      'difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte',
    ],
    publics: ['beneficiaires-des-minimas-sociaux'],
    type: 'accompagnement',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['mds'],
  }),
  T({
    nom: 'Cours de français',
    description: 'Apprendre ou améliorer votre français : parler, lire, écrire.',
    thematiques: ['lecture-ecriture-calcul--maitriser-le-francais'],
    publics: ['personnes-exilees', 'tous-publics'],
    type: 'formation',
    frais: 'gratuit',
    modes: ['se-presenter'],
    at: ['association', 'mediatheque'],
  }),
  T({
    nom: 'Ateliers lire, écrire, compter',
    description: 'Reprendre les bases de la lecture, de l’écriture et du calcul, à votre rythme.',
    thematiques: [
      'lecture-ecriture-calcul--maitriser-le-calcul',
      'lecture-ecriture-calcul--maitriser-le-francais',
    ],
    publics: ['tous-publics'],
    type: 'atelier',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['association', 'mediatheque'],
  }),
  T({
    nom: 'Café rencontre',
    description: 'Un moment convivial pour sortir de chez soi et rencontrer d’autres personnes.',
    thematiques: ['remobilisation--lien-social'],
    publics: ['seniors', 'tous-publics'],
    type: 'atelier',
    frais: 'gratuit',
    modes: ['se-presenter'],
    at: ['ccas', 'association', 'mediatheque'],
  }),
  T({
    nom: 'Devenir bénévole',
    description: 'Donner de votre temps dans une association près de chez vous.',
    thematiques: ['remobilisation--benevolat-action-citoyenne'],
    publics: ['tous-publics'],
    type: 'information',
    frais: 'gratuit',
    modes: ['telephoner'],
    at: ['association'],
  }),
];
