import { describe, expect, it } from 'vitest';
import { referralRecordSchema } from '../../shared/persons/referral';
import { type ReferralStatus, referralStatuses } from '../../shared/persons/referral-status';
import type { MutationResult } from '../../shared/sync/protocol-v1';
import { BLOIS, newSession, pull, push, type TestSession, VENDOME } from './support/fixtures';
import { newPersonPut, referralPut, statusPut } from './support/persons';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

/** The allowed moves, written out by hand from the issue (not computed by the code under test). */
const ALLOWED: Record<ReferralStatus, ReferralStatus[]> = {
  envoyee: ['recue', 'refusee'],
  recue: ['en_cours', 'refusee'],
  en_cours: ['cloturee'],
  cloturee: [],
  refusee: [],
};
/** How to bring a new referral to each status, by its receiver. */
const PATH: Record<ReferralStatus, ReferralStatus[]> = {
  envoyee: [],
  recue: ['recue'],
  en_cours: ['recue', 'en_cours'],
  cloturee: ['recue', 'en_cours', 'cloturee'],
  refusee: ['refusee'],
};

function outcome(result: MutationResult | undefined): string {
  return result?.status === 'rejected' ? result.reason.code : (result?.status ?? 'none');
}

describe.each(testDatabases())('referral state machine on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  async function referralAt(sender: TestSession, receiver: TestSession, status: ReferralStatus) {
    const person = newPersonPut(BLOIS, 'Moreau', 'Jeanne');
    const referral = referralPut(person.entityId, BLOIS, {
      kind: 'agent',
      agentId: receiver.agent.id,
    });
    await push(server(), sender, [person, referral]);
    let from: ReferralStatus = 'envoyee';
    for (const to of PATH[status]) {
      const [result] = (
        await push(server(), receiver, [
          statusPut(referral.entityId, from, to, 'Hors de mon secteur'),
        ])
      ).results;
      expect(result?.status).toBe('accepted');
      from = to;
    }
    return referral.entityId;
  }

  it.each(referralStatuses.flatMap((from) => referralStatuses.map((to) => [from, to] as const)))(
    'from %s to %s by the receiver: accepted only when the flow allows it',
    async (from, to) => {
      const sender = await newSession(server(), [BLOIS]);
      const receiver = await newSession(server(), [VENDOME]);
      const id = await referralAt(sender, receiver, from);
      const [result] = (await push(server(), receiver, [statusPut(id, from, to, 'Motif')])).results;
      expect(outcome(result)).toBe(
        ALLOWED[from].includes(to) ? 'accepted' : 'transition_not_allowed',
      );
    },
  );

  it.each(['envoyee', 'recue'] as const)(
    'refuses a refusal from %s without a reason, blank or missing, then takes one with it',
    async (from) => {
      const sender = await newSession(server(), [BLOIS]);
      const receiver = await newSession(server(), [VENDOME]);
      const id = await referralAt(sender, receiver, from);
      const refuse = async (reason?: string) =>
        outcome(
          (await push(server(), receiver, [statusPut(id, from, 'refusee', reason)])).results[0],
        );
      expect(await refuse()).toBe('reason_required');
      expect(await refuse('   ')).toBe('reason_required');
      expect(await refuse('Hors de mon secteur')).toBe('accepted');
    },
  );

  it('leaves receipt and refusal to the receiver, closing to either side, and nothing to a third agent', async () => {
    const sender = await newSession(server(), [BLOIS]);
    const receiver = await newSession(server(), [VENDOME]);
    const other = await newSession(server(), [BLOIS]);
    const id = await referralAt(sender, receiver, 'envoyee');
    const tries = async (
      who: TestSession,
      from: ReferralStatus,
      to: ReferralStatus,
      reason?: string,
    ) => outcome((await push(server(), who, [statusPut(id, from, to, reason)])).results[0]);
    expect(await tries(sender, 'envoyee', 'recue')).toBe('not_your_side');
    expect(await tries(other, 'envoyee', 'recue')).toBe('not_your_side');
    expect(await tries(receiver, 'envoyee', 'refusee')).toBe('reason_required');
    expect(await tries(receiver, 'envoyee', 'recue')).toBe('accepted');
    // A second device of the receiver, still seeing `envoyee`, cannot take it down again.
    expect(await tries(receiver, 'envoyee', 'recue')).toBe('transition_not_allowed');
    expect(await tries(sender, 'recue', 'en_cours')).toBe('not_your_side');
    expect(await tries(receiver, 'recue', 'en_cours')).toBe('accepted');
    expect(await tries(sender, 'en_cours', 'cloturee')).toBe('accepted');

    const { changes } = await pull(server(), sender.token, '?limit=1000');
    const last = changes.filter((c) => c.entityId === id).at(-1);
    const record = referralRecordSchema.parse(last?.op === 'put' ? last.data : undefined);
    expect(record.status).toBe('cloturee');
    expect(record.events.map((e) => [e.status, e.agentId])).toEqual([
      ['envoyee', sender.agent.id],
      ['recue', receiver.agent.id],
      ['en_cours', receiver.agent.id],
      ['cloturee', sender.agent.id],
    ]);
    expect(record.events.every((e) => e.at === server().clock.now.toISOString())).toBe(true);
  });

  it('lets any agent of the receiving MDS answer a referral to the MDS, and the sender record a partner’s answer', async () => {
    const sender = await newSession(server(), [BLOIS]);
    const vendome = await newSession(server(), [VENDOME]);
    const person = newPersonPut(BLOIS, 'Durand', 'Marc');
    const toSite = referralPut(person.entityId, BLOIS, { kind: 'site', siteId: VENDOME });
    const toCaf = referralPut(person.entityId, BLOIS, { kind: 'partner', partner: 'CAF' });
    await push(server(), sender, [person, toSite, toCaf]);
    expect(
      outcome(
        (await push(server(), vendome, [statusPut(toSite.entityId, 'envoyee', 'recue')]))
          .results[0],
      ),
    ).toBe('accepted');
    expect(
      outcome(
        (await push(server(), sender, [statusPut(toCaf.entityId, 'envoyee', 'recue')])).results[0],
      ),
    ).toBe('accepted');
    expect(
      outcome(
        (await push(server(), vendome, [statusPut(toCaf.entityId, 'recue', 'en_cours')]))
          .results[0],
      ),
    ).toBe('not_your_side');
  });

  it('refuses a referral without the person’s consent, from another MDS, or for a person out of scope', async () => {
    const sender = await newSession(server(), [BLOIS]);
    const stranger = await newSession(server(), [VENDOME]);
    const person = newPersonPut(BLOIS, 'Lemaire', 'Rose');
    await push(server(), sender, [person]);
    const noConsent = referralPut(person.entityId, BLOIS, { kind: 'partner', partner: 'CPAM' });
    (noConsent.data as { consent: boolean }).consent = false;
    const results = (
      await push(server(), sender, [
        noConsent,
        referralPut(person.entityId, VENDOME, { kind: 'partner', partner: 'MSA' }),
      ])
    ).results;
    expect(results.map(outcome)).toEqual(['invalid_record', 'forbidden_site']);
    const [foreign] = (
      await push(server(), stranger, [
        referralPut(person.entityId, VENDOME, { kind: 'partner', partner: 'MSA' }),
      ])
    ).results;
    expect(outcome(foreign)).toBe('unknown_person');
  });
});
