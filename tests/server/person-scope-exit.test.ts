import { describe, expect, it } from 'vitest';
import { personRecordSchema } from '../../shared/persons/person';
import type { Change, Mutation } from '../../shared/sync/protocol-v1';
import { uuidv7 } from '../../shared/uuidv7';
import { BLOIS, newSession, push, type TestSession, VENDOME, visitPut } from './support/fixtures';
import { pullAll } from './support/person-pulls';
import { newPersonPut, referralPut, scopePut, statusPut, taskPut } from './support/persons';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

/**
 * Selective sync of persons (issue 8): a referral or a task keeps a person in an agent's scope
 * only while it is open, and taking a referral on makes the receiver follow the person.
 */
describe.each(testDatabases())('persons leaving the scope on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  /** The Blois file of a new person, and the ops the agent pulls about it from `cursor` on. */
  async function bloisPerson(blois: TestSession) {
    const create = newPersonPut(BLOIS, 'Girard', `Léa ${uuidv7().slice(-6)}`);
    expect((await push(server(), blois, [create])).results[0]?.status).toBe('accepted');
    return create.entityId;
  }
  const personOps = (changes: Change[], personId: string) =>
    changes.filter((c) => c.entity === 'person' && c.entityId === personId).map((c) => c.op);
  const accepted = async (session: TestSession, mutations: Mutation[]) =>
    expect(
      (await push(server(), session, mutations)).results.map((r) =>
        r.status === 'rejected' ? r.reason.code : r.status,
      ),
    ).toEqual(mutations.map(() => 'accepted'));

  it('takes the person off the receiver’s tablet when the referral is refused, and keeps them for whoever took it on when it is closed', async () => {
    const blois = await newSession(server(), [BLOIS]);
    const vendome = await newSession(server(), [VENDOME]);
    const refused = await bloisPerson(blois);
    const takenOn = await bloisPerson(blois);
    const first = referralPut(refused, BLOIS, { kind: 'agent', agentId: vendome.agent.id });
    const second = referralPut(takenOn, BLOIS, { kind: 'agent', agentId: vendome.agent.id });
    await accepted(blois, [first, second]);
    const received = await pullAll(server(), vendome);
    expect(personOps(received.changes, refused)).toEqual(['put']);
    expect(personOps(received.changes, takenOn)).toEqual(['put']);

    await accepted(vendome, [
      statusPut(first.entityId, 'envoyee', 'refusee', 'Hors de notre secteur'),
      statusPut(second.entityId, 'envoyee', 'recue'),
      statusPut(second.entityId, 'recue', 'en_cours'),
    ]);
    const answered = await pullAll(server(), vendome, received.cursor);
    expect(personOps(answered.changes, refused)).toEqual(['delete']);
    // Taking it on made the receiver a follower, in the file every holder pulls.
    const file = answered.changes.filter((c) => c.entityId === takenOn).at(-1);
    expect(file?.op === 'put' && personRecordSchema.parse(file.data).followers).toEqual([
      expect.objectContaining({ agentId: blois.agent.id }),
      expect.objectContaining({ agentId: vendome.agent.id }),
    ]);

    // The sender closes it: the receiver follows the person, so the file stays.
    await accepted(blois, [statusPut(second.entityId, 'en_cours', 'cloturee')]);
    const closed = await pullAll(server(), vendome, answered.cursor);
    expect(closed.changes.find((c) => c.entityId === second.entityId)).toMatchObject({
      op: 'put',
      data: { status: 'cloturee' },
    });
    expect(personOps(closed.changes, takenOn)).toEqual([]);
    // Until they stop following: then nothing keeps the person in their scope.
    await accepted(vendome, [scopePut('follow', takenOn, 'delete')]);
    const unfollowed = await pullAll(server(), vendome, closed.cursor);
    expect(personOps(unfollowed.changes, takenOn)).toEqual(['delete']);
    // The sender's MDS holds the file all along.
    expect(personOps((await pullAll(server(), blois, received.cursor)).changes, takenOn)).toEqual([
      'put',
    ]);
  });

  it('keeps the person for the agent of the MDS who took on a referral to it, and for no other agent of it once closed', async () => {
    const blois = await newSession(server(), [BLOIS]);
    const taker = await newSession(server(), [VENDOME]);
    const colleague = await newSession(server(), [VENDOME]);
    const personId = await bloisPerson(blois);
    const referral = referralPut(personId, BLOIS, { kind: 'site', siteId: VENDOME });
    await accepted(blois, [referral]);
    const start = await pullAll(server(), colleague);
    expect(personOps(start.changes, personId)).toEqual(['put']);

    await accepted(taker, [
      statusPut(referral.entityId, 'envoyee', 'recue'),
      statusPut(referral.entityId, 'recue', 'en_cours'),
    ]);
    const takerStart = await pullAll(server(), taker);
    await accepted(taker, [statusPut(referral.entityId, 'en_cours', 'cloturee')]);
    expect(personOps((await pullAll(server(), colleague, start.cursor)).changes, personId)).toEqual(
      ['delete'],
    );
    expect(
      personOps((await pullAll(server(), taker, takerStart.cursor)).changes, personId),
    ).toEqual([]);
  });

  it('takes the person off the assignee’s tablet once their task is done, and brings them back when it opens again', async () => {
    // A Blois agent pins a Vendôme file for a tour and gives a Blois colleague a visit to make.
    const vendome = await newSession(server(), [VENDOME]);
    const blois = await newSession(server(), [BLOIS]);
    const colleague = await newSession(server(), [BLOIS]);
    const create = newPersonPut(VENDOME, 'Marchand', 'Paul');
    await accepted(vendome, [create]);
    const personId = create.entityId;
    await accepted(blois, [scopePut('pin', personId)]);
    const task = { id: uuidv7(), personId, siteId: BLOIS, assigneeId: colleague.agent.id };
    const created = (await push(server(), blois, [taskPut(task)])).results[0];
    expect(created?.status).toBe('accepted');
    const start = await pullAll(server(), colleague);
    expect(personOps(start.changes, personId)).toEqual(['put']);

    const doneAt = new Date().toISOString();
    const done = (await push(server(), colleague, [taskPut(task, { doneAt }, version(created))]))
      .results[0];
    expect(done?.status).toBe('accepted');
    const after = await pullAll(server(), colleague, start.cursor);
    expect(personOps(after.changes, personId)).toEqual(['delete']);
    // A task done keeps no one: the colleague may no longer plan anything for the person.
    const refused = (await push(server(), colleague, [taskPut({ ...task, id: uuidv7() })]))
      .results[0];
    expect(refused?.status === 'rejected' && refused.reason.code).toBe('unknown_person');
    // The agent who pinned the file keeps it.
    expect(personOps((await pullAll(server(), blois)).changes, personId)).toEqual(['put']);

    // The task opened again by its creator brings the file back to the assignee.
    await accepted(blois, [taskPut(task, {}, version(done))]);
    expect(personOps((await pullAll(server(), colleague, after.cursor)).changes, personId)).toEqual(
      ['put'],
    );
  });

  it('accepts the visit a tablet recorded before it learnt the person left its agent’s scope', async () => {
    const blois = await newSession(server(), [BLOIS]);
    const vendome = await newSession(server(), [VENDOME]);
    const stranger = await newSession(server(), [VENDOME]);
    const personId = await bloisPerson(blois);
    const referral = referralPut(personId, BLOIS, { kind: 'agent', agentId: vendome.agent.id });
    await accepted(blois, [referral]);
    await accepted(vendome, [statusPut(referral.entityId, 'envoyee', 'refusee', 'Pas pour nous')]);
    const visitOf = () => {
      const visit = visitPut(VENDOME);
      (visit.data as { personId?: string }).personId = personId;
      return visit;
    };
    await accepted(vendome, [visitOf()]);
    // An agent of the same MDS who never held the file may not name the person.
    const refused = (await push(server(), stranger, [visitOf()])).results[0];
    expect(refused?.status === 'rejected' && refused.reason.code).toBe('unknown_person');
  });
});

function version(result: { status: string; version?: number } | undefined): number {
  if (result?.version === undefined) throw new Error(`no version in ${JSON.stringify(result)}`);
  return result.version;
}
