import { EPDS_DEFAULT_THRESHOLD, EPDS_ITEM_THEMES, EPDS_ITEMS } from '../epds';
import type { FieldDefinition, SectionDefinition } from '../definition-schema';
import { options } from './options';

/**
 * The parent's wellbeing section of the PMI visit: the EPDS (domain/epds.md), answers stored as
 * the printed position and scored by `epdsScoreFromPosition`, the total against the threshold,
 * and the item 10 alert that the professional must acknowledge before signing.
 */
const EPDS_POSITIONS = options({
  '0': '1re réponse imprimée',
  '1': '2e réponse imprimée',
  '2': '3e réponse imprimée',
  '3': '4e réponse imprimée',
});
const epdsGiven = { field: 'epdsPropose', op: 'equals', value: true } as const;
const selfHarm = { field: 'epdsAlerteItem10', op: 'equals', value: true } as const;

const epdsItems: FieldDefinition[] = EPDS_ITEMS.map((item) => ({
  type: 'singleChoice',
  id: `epds${item}`,
  label: `Item ${item} — ${EPDS_ITEM_THEMES[item]}`,
  required: true,
  visibleIf: epdsGiven,
  options: EPDS_POSITIONS,
}));

export const PMI_EPDS_SECTION: SectionDefinition = {
  id: 'bienEtreParent',
  title: 'Bien-être du parent (EPDS)',
  fields: [
    {
      type: 'note',
      id: 'epdsConsigne',
      label:
        'Questionnaire EPDS rempli par la mère sur les 7 derniers jours, avec la version française officielle de votre service PMI. Notez la position de la réponse choisie telle qu’imprimée ; le score est calculé par l’application.',
    },
    {
      type: 'yesNo',
      id: 'epdsPropose',
      label: 'EPDS rempli lors de cette visite',
      required: true,
    },
    {
      type: 'section',
      id: 'epdsItems',
      label: 'Items de l’EPDS',
      visibleIf: epdsGiven,
      fields: epdsItems,
    },
    {
      type: 'computed',
      id: 'epdsAlerteItem10',
      label: 'Réponse positive à l’item 10',
      function: 'epdsSelfHarmAlert',
      args: { item10: 'epds10' },
      visibleIf: epdsGiven,
    },
    {
      type: 'note',
      id: 'epdsAlerte',
      tone: 'alert',
      visibleIf: selfHarm,
      label:
        'Item 10 positif (idées de se faire du mal) : évaluation du risque suicidaire le jour même, par un médecin, et information du professionnel responsable selon le protocole PMI. En cas d’urgence : 15 (SAMU). Numéro national de prévention du suicide : 3114.',
    },
    {
      type: 'yesNo',
      id: 'epdsAlerteAcquittee',
      label: 'J’ai pris connaissance de l’alerte et organisé l’évaluation du jour',
      required: true,
      mustBeYes: true,
      visibleIf: selfHarm,
    },
    {
      type: 'computed',
      id: 'epdsScore',
      label: 'Score EPDS',
      help: `Seuil de repérage : ${EPDS_DEFAULT_THRESHOLD} points (à confirmer par le médecin PMI). Un repérage, jamais un diagnostic.`,
      function: 'epdsScore',
      args: { items: EPDS_ITEMS.map((item) => `epds${item}`) },
      params: { threshold: EPDS_DEFAULT_THRESHOLD },
      visibleIf: epdsGiven,
    },
  ],
};
