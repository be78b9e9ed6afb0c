import { describe, expect, it } from 'vitest';
import { daysInStatus, stepDelays } from './referral-delays';

const A = '0190f5c6-0000-7000-8000-00000000000a';
const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9)).toISOString();

describe('delays between referral statuses', () => {
  it('measures each step on the server times of the history', () => {
    const delays = stepDelays([
      [
        { seq: 1, status: 'envoyee', at: at(1), agentId: A },
        { seq: 2, status: 'recue', at: at(3), agentId: A },
        { seq: 3, status: 'en_cours', at: at(4), agentId: A },
      ],
      [
        { seq: 1, status: 'envoyee', at: at(1), agentId: A },
        { seq: 2, status: 'recue', at: at(5), agentId: A },
      ],
    ]);
    expect(delays.map((d) => [d.count, d.meanDays, d.maxDays])).toEqual([
      [2, 3, 4],
      [1, 1, 1],
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
  });

  it('measures the refusal step from the status it was refused in, at once or after the receipt', () => {
    const delays = stepDelays([
      [
        { seq: 1, status: 'envoyee', at: at(1), agentId: A },
        { seq: 2, status: 'refusee', at: at(3), agentId: A, reason: 'Hors secteur' },
      ],
      [
        { seq: 1, status: 'envoyee', at: at(1), agentId: A },
        { seq: 2, status: 'recue', at: at(2), agentId: A },
        { seq: 3, status: 'refusee', at: at(9), agentId: A, reason: 'Pas de place' },
      ],
      [
        { seq: 1, status: 'envoyee', at: at(1), agentId: A },
        { seq: 2, status: 'recue', at: at(4), agentId: A },
        { seq: 3, status: 'refusee', at: at(6), agentId: A, reason: 'Doublon' },
      ],
    ]);
    expect(
      Object.fromEntries(delays.map((d) => [d.label, [d.count, d.meanDays, d.maxDays]])),
    ).toEqual({
      'Envoyée → reçue': [2, 2, 3],
      'Reçue → en cours': [0, null, null],
      'En cours → clôturée': [0, null, null],
      'Envoyée → refusée': [1, 2, 2],
      'Reçue → refusée': [2, 4.5, 7],
    });
  });

  it('counts the days an open referral waits in its status, and none for a closed one', () => {
    const events = [{ seq: 1, status: 'envoyee' as const, at: at(1), agentId: A }];
    expect(daysInStatus({ status: 'envoyee', events }, new Date(at(11)))).toBe(10);
    expect(daysInStatus({ status: 'cloturee', events }, new Date(at(11)))).toBeNull();
  });
});
