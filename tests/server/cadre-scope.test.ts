import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync/protocol-v1';
import { uuidv7 } from '../../shared/uuidv7';
import { BLOIS, MER, newSession, push, VENDOME } from './support/fixtures';
import { pullAll } from './support/person-pulls';
import { newPersonPut, referralPut, statusPut } from './support/persons';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

const DAY_MS = 24 * 60 * 60 * 1000;

function lateTaskPut(personId: string, siteId: string, assigneeId: string) {
  const id = uuidv7();
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    seq: 0,
    entity: 'task',
    op: 'put' as const,
    entityId: id,
    at,
    data: {
      id,
      personId,
      siteId,
      assigneeId,
      kind: 'tache' as const,
      title: 'Rappeler la CAF',
      dueOn: new Date(Date.now() - 3 * DAY_MS).toISOString().slice(0, 10),
      doneAt: null,
      createdAt: at,
    },
  };
}

/** "Suivi de la MDS": what a cadre's tablet receives about the work of their MDS's agents. */
describe.each(testDatabases())('the cadre’s scope on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  it('gives a cadre the referrals and tasks addressed to their MDS’s agents from another MDS, every status included', async () => {
    const sender = await newSession(server(), [VENDOME]);
    const receiver = await newSession(server(), [BLOIS]);
    const cadre = await newSession(server(), [BLOIS], 'cadre');
    const colleague = await newSession(server(), [BLOIS]);
    const otherCadre = await newSession(server(), [MER], 'cadre');
    const create = newPersonPut(VENDOME, 'Roux', 'Lina');
    const referral = referralPut(create.entityId, VENDOME, {
      kind: 'agent',
      agentId: receiver.agent.id,
    });
    const task = lateTaskPut(create.entityId, VENDOME, receiver.agent.id);
    const sent = (await push(server(), sender, [create, referral, task])).results;
    expect(sent.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const refused = (
      await push(server(), receiver, [
        statusPut(referral.entityId, 'envoyee', 'refusee', 'Hors de notre secteur'),
      ])
    ).results;
    expect(refused[0]?.status).toBe('accepted');

    const about = (changes: Change[]) =>
      changes.filter((c) =>
        [create.entityId, referral.entityId, task.entityId].includes(c.entityId),
      );
    const cadreSees = about((await pullAll(server(), cadre)).changes);
    expect(new Set(cadreSees.map((c) => c.entity))).toEqual(
      new Set(['person', 'referral', 'task']),
    );
    const lastReferral = cadreSees.filter((c) => c.entityId === referral.entityId).at(-1);
    expect(lastReferral).toMatchObject({
      op: 'put',
      data: {
        status: 'refusee',
        fromSiteId: VENDOME,
        events: [{ status: 'envoyee' }, { status: 'refusee', reason: 'Hors de notre secteur' }],
      },
    });
    // Only the cadre of the receiver's MDS: neither a colleague nor another MDS's cadre.
    expect(about((await pullAll(server(), colleague)).changes)).toEqual([]);
    expect(about((await pullAll(server(), otherCadre)).changes)).toEqual([]);
  });
});
