import { describe, expect, it } from 'vitest';
import {
  checkTransition,
  nextStatuses,
  type ReferralStatus,
  referralStatuses,
} from './referral-status';

/** The flow of the issue, written out by hand. */
const ALLOWED: [ReferralStatus, ReferralStatus, 'receiver' | 'both'][] = [
  ['envoyee', 'recue', 'receiver'],
  ['envoyee', 'refusee', 'receiver'],
  ['recue', 'en_cours', 'receiver'],
  ['recue', 'refusee', 'receiver'],
  ['en_cours', 'cloturee', 'both'],
];

describe('referral state machine on the tablet', () => {
  const pairs = referralStatuses.flatMap((from) =>
    referralStatuses.map((to) => [from, to] as const),
  );

  it.each(pairs)('from %s to %s: allowed only on the flow, for the right side', (from, to) => {
    const rule = ALLOWED.find(([f, t]) => f === from && t === to);
    const receiver = checkTransition(from, to, ['receiver'], 'motif');
    const sender = checkTransition(from, to, ['sender'], 'motif');
    if (rule === undefined) {
      expect(receiver).toEqual({ ok: false, code: 'transition_not_allowed' });
      expect(sender).toEqual({ ok: false, code: 'transition_not_allowed' });
      return;
    }
    expect(receiver).toEqual({ ok: true });
    expect(sender).toEqual(
      rule[2] === 'both' ? { ok: true } : { ok: false, code: 'not_your_side' },
    );
  });

  it('asks a reason for a refusal', () => {
    expect(checkTransition('envoyee', 'refusee', ['receiver'], '  ')).toEqual({
      ok: false,
      code: 'reason_required',
    });
  });

  it('offers the receiver of a received referral to start it or refuse it', () => {
    expect(nextStatuses('recue', ['receiver'])).toEqual(['en_cours', 'refusee']);
    expect(nextStatuses('recue', ['sender'])).toEqual([]);
  });
});
