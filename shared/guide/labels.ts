import { THEMATIQUES } from './enums';

/**
 * French labels of the 16 thématique families (the part before `--` of a thématique), which
 * the schema does not label itself. Filters offer families; a service lists its sub-thématiques.
 */
export const THEMATIQUE_FAMILLES = {
  'choisir-un-metier': 'Choisir un métier',
  'creer-une-entreprise': 'Créer une entreprise',
  'difficultes-administratives-ou-juridiques': 'Démarches administratives et droits',
  'difficultes-financieres': 'Difficultés financières',
  'equipement-et-alimentation': 'Équipement et alimentation',
  famille: 'Famille',
  'lecture-ecriture-calcul': 'Lire, écrire, compter',
  'logement-hebergement': 'Logement et hébergement',
  mobilite: 'Mobilité',
  numerique: 'Numérique',
  'preparer-sa-candidature': 'Préparer sa candidature',
  remobilisation: 'Reprendre confiance, lien social',
  sante: 'Santé',
  'se-former': 'Se former',
  'souvrir-a-linternational': 'S’ouvrir à l’international',
  'trouver-un-emploi': 'Trouver un emploi',
} as const;
export type ThematiqueFamille = keyof typeof THEMATIQUE_FAMILLES;

/** `sante--acces-aux-soins` → `sante`. */
export function familleOf(thematique: string): string {
  return thematique.split('--')[0] ?? thematique;
}

/** The label of any enum value, or the value itself for one this app version does not know. */
export function labelOf(labels: Readonly<Record<string, string>>, value: string): string {
  return labels[value] ?? value;
}

export function thematiqueLabel(value: string): string {
  return labelOf(THEMATIQUES, value);
}
