import { z } from 'zod';

/**
 * The life of a referral: envoyée → reçue → en cours → clôturée, or refusée (with a reason)
 * before it is taken on. Checked by the tablet before it queues a change and again by the
 * server against the status it holds, so two devices cannot take it down different paths.
 */
export const referralStatuses = ['envoyee', 'recue', 'en_cours', 'cloturee', 'refusee'] as const;
export const referralStatusSchema = z.enum(referralStatuses);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

export const referralStatusLabels: Record<ReferralStatus, string> = {
  envoyee: 'Envoyée',
  recue: 'Reçue',
  en_cours: 'En cours',
  cloturee: 'Clôturée',
  refusee: 'Refusée',
};

/**
 * Who acts: the receiver (the agent it is addressed to, an agent of the MDS it is addressed to,
 * or, for a partner without an account, the sender recording the partner's answer) or the
 * sender.
 */
export type ReferralSide = 'sender' | 'receiver';

interface Transition {
  to: ReferralStatus;
  by: readonly ReferralSide[];
  /** A refusal says why. */
  needsReason?: boolean;
}

const TRANSITIONS: Record<ReferralStatus, readonly Transition[]> = {
  envoyee: [
    { to: 'recue', by: ['receiver'] },
    { to: 'refusee', by: ['receiver'], needsReason: true },
  ],
  recue: [
    { to: 'en_cours', by: ['receiver'] },
    { to: 'refusee', by: ['receiver'], needsReason: true },
  ],
  en_cours: [{ to: 'cloturee', by: ['receiver', 'sender'] }],
  cloturee: [],
  refusee: [],
};

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: 'transition_not_allowed' | 'not_your_side' | 'reason_required' };

/** Whether an agent acting as `sides` may move a referral from `from` to `to`. */
export function checkTransition(
  from: ReferralStatus,
  to: ReferralStatus,
  sides: readonly ReferralSide[],
  reason?: string,
): TransitionCheck {
  const transition = TRANSITIONS[from].find((t) => t.to === to);
  if (transition === undefined) return { ok: false, code: 'transition_not_allowed' };
  if (!transition.by.some((side) => sides.includes(side)))
    return { ok: false, code: 'not_your_side' };
  if (transition.needsReason && (reason ?? '').trim() === '')
    return { ok: false, code: 'reason_required' };
  return { ok: true };
}

/** The statuses an agent on `sides` may move a referral to next. */
export function nextStatuses(
  from: ReferralStatus,
  sides: readonly ReferralSide[],
): ReferralStatus[] {
  return TRANSITIONS[from].filter((t) => t.by.some((s) => sides.includes(s))).map((t) => t.to);
}

export function isOpen(status: ReferralStatus): boolean {
  return status !== 'cloturee' && status !== 'refusee';
}
