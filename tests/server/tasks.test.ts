import { describe, expect, it } from 'vitest';
import { taskRecordSchema } from '../../shared/persons/task';
import type { MutationResult } from '../../shared/sync/protocol-v1';
import { uuidv7 } from '../../shared/uuidv7';
import { BLOIS, newSession, push, type TestSession, VENDOME } from './support/fixtures';
import { pullAll } from './support/person-pulls';
import { newPersonPut, taskPut } from './support/persons';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { type TestServer, useTestServer } from './support/test-server';

function outcome(result: MutationResult | undefined): string {
  return result?.status === 'rejected' ? result.reason.code : (result?.status ?? 'none');
}

/** The task as the agent's device holds it after pulling everything, or undefined. */
async function taskSeenBy(server: TestServer, session: TestSession, id: string) {
  const { changes } = await pullAll(server, session);
  const last = changes.filter((c) => c.entity === 'task' && c.entityId === id).at(-1);
  return last?.op === 'put' ? taskRecordSchema.parse(last.data) : undefined;
}

describe.each(testDatabases())('tasks on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  async function personOf(session: TestSession, siteId = BLOIS) {
    const person = newPersonPut(siteId, 'Roux', 'Anne');
    const [result] = (await push(server(), session, [person])).results;
    expect(result?.status).toBe('accepted');
    return person.entityId;
  }

  it('creates a task with a receipt, then edits it and marks it done on the versions it was given', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const task = {
      id: uuidv7(),
      personId: await personOf(agent),
      siteId: BLOIS,
      assigneeId: agent.agent.id,
    };
    const [created] = (await push(server(), agent, [taskPut(task)])).results;
    expect(created?.status).toBe('accepted');
    if (created?.status !== 'accepted') return;
    expect(created.receipt.number).toMatch(/^\d{4}-\d+$/);
    expect(await taskSeenBy(server(), agent, task.id)).toMatchObject({
      title: 'Visite à domicile',
      doneAt: null,
      createdBy: agent.agent.id,
      version: created.version,
    });

    const [edited] = (
      await push(server(), agent, [
        taskPut(task, { title: 'Visite avec l’assistante sociale' }, created.version),
      ])
    ).results;
    expect(edited?.status).toBe('accepted');
    if (edited?.status !== 'accepted') return;
    expect(edited.version).toBeGreaterThan(created.version);
    expect(edited.receipt.number).not.toBe(created.receipt.number);

    const doneAt = '2026-12-03T15:00:00.000Z';
    const done = taskPut(
      task,
      { title: 'Visite avec l’assistante sociale', doneAt },
      edited.version,
    );
    const [marked] = (await push(server(), agent, [done])).results;
    expect(marked?.status).toBe('accepted');
    // A replay of the same mutation (an answer lost on the way) changes nothing more.
    const [replayed] = (await push(server(), agent, [done])).results;
    expect(replayed).toMatchObject({
      status: 'duplicate',
      receipt: marked?.status === 'accepted' ? marked.receipt : undefined,
    });
    expect(await taskSeenBy(server(), agent, task.id)).toMatchObject({
      title: 'Visite avec l’assistante sociale',
      doneAt,
      version: marked?.status === 'accepted' ? marked.version : -1,
    });
  });

  it('answers conflict to an edit made on a version another edit replaced, and keeps the first edit', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const colleague = await newSession(server(), [BLOIS]);
    const task = {
      id: uuidv7(),
      personId: await personOf(agent),
      siteId: BLOIS,
      assigneeId: colleague.agent.id,
    };
    const [created] = (await push(server(), agent, [taskPut(task)])).results;
    if (created?.status !== 'accepted') throw new Error('task not created');

    // Both tablets edit the task offline on the version they pulled, then sync.
    const doneAt = '2026-12-03T15:00:00.000Z';
    const [first] = (await push(server(), colleague, [taskPut(task, { doneAt }, created.version)]))
      .results;
    const [second] = (
      await push(server(), agent, [taskPut(task, { dueOn: '2026-12-10' }, created.version)])
    ).results;
    expect(first?.status).toBe('accepted');
    expect(second).toMatchObject({
      status: 'conflict',
      reason: { code: 'version_conflict' },
      serverVersion: first?.status === 'accepted' ? first.version : -1,
    });
    // A creation replayed without a base version is a conflict too, not a silent overwrite.
    expect(
      outcome((await push(server(), agent, [taskPut(task, { title: 'Autre' })])).results[0]),
    ).toBe('conflict');
    for (const who of [agent, colleague]) {
      expect(await taskSeenBy(server(), who, task.id)).toMatchObject({
        doneAt,
        dueOn: '2026-12-03',
        title: 'Visite à domicile',
      });
    }
    // The agent decides again on the version pulled: accepted.
    const [again] = (
      await push(server(), agent, [
        taskPut(
          task,
          { doneAt, dueOn: '2026-12-10' },
          first?.status === 'accepted' ? first.version : 0,
        ),
      ])
    ).results;
    expect(again?.status).toBe('accepted');
  });

  it('accepts a task created then marked done offline, both sent in one batch without a version', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const task = {
      id: uuidv7(),
      personId: await personOf(agent),
      siteId: BLOIS,
      assigneeId: agent.agent.id,
    };
    const doneAt = '2026-12-03T15:00:00.000Z';
    const results = (await push(server(), agent, [taskPut(task), taskPut(task, { doneAt })]))
      .results;
    expect(results.map(outcome)).toEqual(['accepted', 'accepted']);
    expect(await taskSeenBy(server(), agent, task.id)).toMatchObject({ doneAt });
    // In a later batch, a put without a version is a conflict again.
    expect(outcome((await push(server(), agent, [taskPut(task)])).results[0])).toBe('conflict');
  });

  it('gives the task and its person to an assignee of another MDS, who may do it', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const assignee = await newSession(server(), [VENDOME]);
    const personId = await personOf(agent);
    const task = { id: uuidv7(), personId, siteId: BLOIS, assigneeId: assignee.agent.id };
    expect(outcome((await push(server(), agent, [taskPut(task)])).results[0])).toBe('accepted');
    const { changes } = await pullAll(server(), assignee);
    expect(changes.some((c) => c.entity === 'person' && c.entityId === personId)).toBe(true);
    expect(changes.some((c) => c.entity === 'task' && c.entityId === task.id)).toBe(true);

    const version = changes.find((c) => c.entityId === task.id)!.version;
    const doneAt = new Date().toISOString();
    const done = taskPut(task, { doneAt }, version);
    expect(outcome((await push(server(), assignee, [done])).results[0])).toBe('accepted');
    const stranger = await newSession(server(), [VENDOME]);
    const reopened = taskPut(task, {}, version);
    expect(outcome((await push(server(), stranger, [reopened])).results[0])).toBe('forbidden_site');
  });

  it('refuses a task at a site of another MDS, for a person out of scope, for an unknown agent or without a title', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const stranger = await newSession(server(), [VENDOME]);
    const personId = await personOf(agent);
    const mine = { personId, siteId: BLOIS, assigneeId: agent.agent.id };
    const tries = async (who: TestSession, task: typeof mine, data = {}) =>
      outcome((await push(server(), who, [taskPut({ id: uuidv7(), ...task }, data)])).results[0]);
    expect(await tries(agent, { ...mine, siteId: VENDOME })).toBe('forbidden_site');
    expect(await tries(stranger, { ...mine, siteId: VENDOME })).toBe('unknown_person');
    expect(await tries(agent, { ...mine, assigneeId: uuidv7() })).toBe('invalid_record');
    expect(await tries(agent, mine, { title: '  ' })).toBe('invalid_record');
    expect(await tries(agent, mine)).toBe('accepted');
  });
});
