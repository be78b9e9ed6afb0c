import { type ReferralStatus } from './referral-status';

/**
 * The follow-up sheet given to the person, in easy-to-read French (FALC): short sentences,
 * one idea each, the receipt number of every record so they can ask where their file stands.
 * Pure, so the printed sheet says exactly what the tests check.
 */
export interface FollowUpInput {
  personName: string;
  /** The MDS the person can call or visit. */
  siteName: string;
  visits: { date: string; what: string; receiptNumber?: string }[];
  referrals: {
    date: string;
    to: string;
    status: ReferralStatus;
    receiptNumber?: string;
    /** Who will contact the person (a professional, the MDS, the partner). */
    contact: string;
  }[];
  followers: string[];
}

export interface FollowUpSheet {
  title: string;
  recorded: string[];
  next: string[];
  ask: string[];
}

const STATUS_SENTENCES: Record<ReferralStatus, string> = {
  envoyee: 'Votre demande est envoyée.',
  recue: 'Votre demande est bien reçue.',
  en_cours: 'Votre demande est en cours.',
  cloturee: 'Votre demande est terminée.',
  refusee: 'Votre demande n’a pas été acceptée. Votre professionnel vous explique pourquoi.',
};

const dateFr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

function day(isoDate: string): string {
  return dateFr.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

function receipt(number: string | undefined): string {
  return number
    ? `Votre numéro de suivi est le ${number}.`
    : 'Votre numéro de suivi vous sera donné à la prochaine visite.';
}

export function buildFollowUpSheet(input: FollowUpInput): FollowUpSheet {
  const recorded = [
    ...input.visits.flatMap((v) => [`Le ${day(v.date)} : ${v.what}.`, receipt(v.receiptNumber)]),
    ...input.referrals.flatMap((r) => [
      `Le ${day(r.date)} : nous avons transmis votre demande à ${r.to}.`,
      STATUS_SENTENCES[r.status],
      receipt(r.receiptNumber),
    ]),
  ];
  const open = input.referrals.filter((r) => r.status !== 'cloturee' && r.status !== 'refusee');
  const next = [
    ...open.map((r) => `${r.contact} va vous contacter.`),
    ...(input.followers.length > 0
      ? [`Les professionnels qui vous suivent : ${input.followers.join(', ')}.`]
      : []),
  ];
  return {
    title: `Votre suivi, ${input.personName}`,
    recorded: recorded.length > 0 ? recorded : ['Rien n’est encore enregistré.'],
    next: next.length > 0 ? next : ['Votre professionnel vous dira la suite.'],
    ask: [
      'Vous voulez savoir où en est votre dossier ?',
      `Appelez ou venez à la ${input.siteName}.`,
      'Donnez votre numéro de suivi.',
      'C’est gratuit.',
    ],
  };
}
