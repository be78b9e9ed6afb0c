import { PARTNERS } from './partners';

/**
 * Words of the easy-to-read follow-up sheet (FALC) for who receives a referral and what a
 * visit was, so each sentence reads right in French ("La CAF va vous contacter", "à France
 * Travail", "au service « … »").
 */
export type Receiver =
  | { kind: 'professional'; name: string; profession?: string }
  | { kind: 'site'; name: string }
  | { kind: 'partner'; name: string };

export interface ReceiverWords {
  /** Starts a sentence: "La CAF", "Sophie Lefèvre". */
  subject: string;
  /** After a verb: "à la CAF", "au service « … »". */
  to: string;
}

const PARTNER_WORDS: Record<(typeof PARTNERS)[number], ReceiverWords> = {
  CAF: { subject: 'La CAF', to: 'à la CAF' },
  CPAM: { subject: 'La CPAM', to: 'à la CPAM' },
  MSA: { subject: 'La MSA', to: 'à la MSA' },
  'France Travail': { subject: 'France Travail', to: 'à France Travail' },
  'France Services': { subject: 'L’espace France Services', to: 'à l’espace France Services' },
};

function isPartner(name: string): name is (typeof PARTNERS)[number] {
  return (PARTNERS as readonly string[]).includes(name);
}

/** "la Maison des Solidarités de Blois", "l’Antenne de …": the article a site's name takes. */
export function siteWords(name: string): ReceiverWords {
  if (/^Maison\b/.test(name)) return { subject: `La ${name}`, to: `à la ${name}` };
  if (/^Antenne\b/.test(name)) return { subject: `L’${name}`, to: `à l’${name}` };
  return { subject: name, to: `à ${name}` };
}

export function receiverWords(receiver: Receiver): ReceiverWords {
  switch (receiver.kind) {
    case 'professional':
      return { subject: receiver.name, to: `à ${receiver.name}` };
    case 'site':
      return siteWords(receiver.name);
    case 'partner':
      return isPartner(receiver.name)
        ? PARTNER_WORDS[receiver.name]
        : { subject: `Le service « ${receiver.name} »`, to: `au service « ${receiver.name} »` };
  }
}

/** The département's own forms, told as the person lived them. */
const VISIT_WORDS: Record<string, string> = {
  'pmi-visite': 'visite de la puéricultrice',
  'aggir-evaluation': 'évaluation de votre autonomie',
  'cra-mediation-numerique': 'aide pour vos démarches sur internet',
  'visite-sociale': 'rendez-vous avec un travailleur social',
  'visite-domicile': 'visite chez vous',
};

/**
 * What a visit was, in plain words: the known forms by their meaning for the person, any
 * other by its title without the abbreviation in brackets ("Bien-être du parent (EPDS)").
 */
export function visitWords(formId: string, formTitle: string | undefined): string {
  const known = VISIT_WORDS[formId];
  if (known) return known;
  const title = (formTitle ?? '').replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (title === '') return 'rendez-vous avec un professionnel';
  return /^\p{Lu}\p{Ll}/u.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title;
}
