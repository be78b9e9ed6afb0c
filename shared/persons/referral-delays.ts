import { isOpen, type ReferralStatus } from './referral-status';
import type { ReferralEvent } from './referral';

/**
 * The steps whose delays managers follow, from one status to the next: the way to a closing,
 * and the two ways to a refusal (refused at once, or after the receipt was acknowledged).
 */
export const DELAY_STEPS = [
  { from: 'envoyee', to: 'recue', label: 'Envoyée → reçue' },
  { from: 'recue', to: 'en_cours', label: 'Reçue → en cours' },
  { from: 'en_cours', to: 'cloturee', label: 'En cours → clôturée' },
  { from: 'envoyee', to: 'refusee', label: 'Envoyée → refusée' },
  { from: 'recue', to: 'refusee', label: 'Reçue → refusée' },
] as const satisfies readonly { from: ReferralStatus; to: ReferralStatus; label: string }[];

const DAY_MS = 24 * 60 * 60 * 1000;

export interface StepDelay {
  label: string;
  /** Referrals that went through the step. */
  count: number;
  /** Mean and longest time the step took, in days (server times of the status changes). */
  meanDays: number | null;
  maxDays: number | null;
}

/**
 * Delays between statuses over referrals' histories, measured on the server's times. A step
 * counts a referral whose history went straight from its first status to its second: a
 * referral refused after its receipt counts in "reçue → refusée", not "envoyée → refusée".
 */
export function stepDelays(histories: readonly (readonly ReferralEvent[])[]): StepDelay[] {
  return DELAY_STEPS.map((step) => {
    const days = histories.flatMap((events) => {
      const index = events.findIndex((e) => e.status === step.to);
      const from = index > 0 ? events[index - 1] : undefined;
      const to = events[index];
      return from?.status === step.from && to
        ? [(Date.parse(to.at) - Date.parse(from.at)) / DAY_MS]
        : [];
    });
    return {
      label: step.label,
      count: days.length,
      meanDays: days.length === 0 ? null : days.reduce((a, b) => a + b, 0) / days.length,
      maxDays: days.length === 0 ? null : Math.max(...days),
    };
  });
}

/** Days an open referral has waited in its current status, at `now`. */
export function daysInStatus(
  referral: { status: ReferralStatus; events: readonly ReferralEvent[] },
  now: Date,
): number | null {
  if (!isOpen(referral.status)) return null;
  const since = referral.events.at(-1)?.at;
  return since === undefined ? null : Math.floor((now.getTime() - Date.parse(since)) / DAY_MS);
}
