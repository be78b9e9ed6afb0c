import { type Receiver, receiverWords, siteWords } from './follow-up-words';
import { type ReferralStatus } from './referral-status';

/**
 * The follow-up sheet given to the person, in easy-to-read French (FALC): short sentences,
 * one idea each, concrete words. It says what was recorded (the kind of visit and its date,
 * never an answer), the number of the file and of each record, who will contact the person
 * and when if known, and how to ask where the file stands. Pure, so the printed sheet says
 * exactly what the tests check.
 */
export interface FollowUpInput {
  personName: string;
  /** The receipt number of the person's file, once the server has it. */
  fileNumber?: string;
  /** The MDS of the person's file: where to call or go. */
  site: { name: string; commune: string };
  /** Signed visits: the date and what it was in plain words (follow-up-words.ts `visitWords`). */
  visits: { date: string; what: string; receiptNumber?: string }[];
  referrals: { date: string; to: Receiver; status: ReferralStatus; receiptNumber?: string }[];
  /** The next visit planned, and who comes when the tablet knows them. */
  nextVisit?: { date: string; who?: string };
  followers: string[];
}

export interface FollowUpSheet {
  title: string;
  recorded: string[];
  next: string[];
  ask: string[];
}

const STATUS_SENTENCES: Record<ReferralStatus, string[]> = {
  envoyee: ['Votre demande est envoyée.'],
  recue: ['Votre demande est bien reçue.'],
  en_cours: ['Votre demande est en cours.'],
  cloturee: ['Votre demande est terminée.'],
  refusee: ['Votre demande n’a pas été acceptée.', 'Votre professionnel vous explique pourquoi.'],
};

const dateFr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** "3 décembre 2026", and "1er juin 2099" as French writes the first of the month. */
function day(isoDate: string): string {
  return dateFr.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)).replace(/^1 /, '1er ');
}

function receipt(number: string | undefined): string {
  return number
    ? `Votre numéro de suivi est le ${number}.`
    : 'Votre numéro de suivi vous sera donné à la prochaine visite.';
}

function recorded(input: FollowUpInput): string[] {
  return [
    input.fileNumber
      ? `Votre dossier porte le numéro ${input.fileNumber}.`
      : 'Le numéro de votre dossier vous sera donné à la prochaine visite.',
    ...input.visits.flatMap((v) => [`Le ${day(v.date)} : ${v.what}.`, receipt(v.receiptNumber)]),
    ...input.referrals.flatMap((r) => [
      `Le ${day(r.date)} : demande envoyée ${receiverWords(r.to).to}.`,
      ...STATUS_SENTENCES[r.status],
      receipt(r.receiptNumber),
    ]),
  ];
}

function next(input: FollowUpInput): string[] {
  const visit = input.nextVisit;
  const open = input.referrals.filter((r) => r.status !== 'cloturee' && r.status !== 'refusee');
  const lines = [
    ...(visit
      ? [
          visit.who
            ? `${visit.who} vous verra le ${day(visit.date)}.`
            : `Votre prochain rendez-vous est le ${day(visit.date)}.`,
        ]
      : []),
    ...open.flatMap(({ to }) => [
      `${receiverWords(to).subject} va vous contacter.`,
      ...(to.kind === 'professional' && to.profession ? [`Son métier : ${to.profession}.`] : []),
    ]),
    ...(input.followers.length > 0
      ? [`Les professionnels qui vous suivent : ${input.followers.join(', ')}.`]
      : []),
  ];
  return lines.length > 0 ? lines : ['Votre professionnel vous dira la suite.'];
}

function ask(input: FollowUpInput): string[] {
  const { site } = input;
  return [
    'Vous voulez savoir où en est votre dossier ?',
    `Appelez ou venez ${siteWords(site.name).to}.`,
    ...(site.name.includes(site.commune) ? [] : [`Elle se trouve à ${site.commune}.`]),
    input.fileNumber
      ? `Donnez le numéro de votre dossier : ${input.fileNumber}.`
      : 'Donnez votre nom et votre date de naissance.',
    ...(input.followers[0] ? [`Vous pouvez aussi demander à ${input.followers[0]}.`] : []),
    'C’est gratuit.',
  ];
}

export function buildFollowUpSheet(input: FollowUpInput): FollowUpSheet {
  return {
    title: `Votre suivi, ${input.personName}`,
    recorded: recorded(input),
    next: next(input),
    ask: ask(input),
  };
}
