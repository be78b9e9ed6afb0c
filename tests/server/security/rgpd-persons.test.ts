import { describe, expect, it } from 'vitest';
import { personRecordSchema } from '../../../shared/persons/person';
import { uuidv7 } from '../../../shared/uuidv7';
import type { Mutation } from '../../../shared/sync/protocol-v1';
import {
  BLOIS,
  count,
  errorOf,
  logIn,
  MER,
  newSession,
  pull,
  push,
  visitPut,
} from '../support/fixtures';
import { newPersonPut, referralPut, scopePut } from '../support/persons';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { send } from './support/send';

const DAY_MS = 24 * 60 * 60 * 1000;

function taskPut(personId: string, assigneeId: string): Mutation {
  const id = uuidv7();
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    seq: 0,
    entity: 'task',
    op: 'put',
    entityId: id,
    at,
    data: {
      id,
      personId,
      siteId: BLOIS,
      assigneeId,
      kind: 'tache',
      title: 'Rappeler la CAF',
      dueOn: at.slice(0, 10),
      doneAt: null,
      createdAt: at,
    },
  };
}

describe.each(testDatabases())('RGPD on person files on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  /** A person of Blois with a visit, a referral and a task, followed by an agent of Mer. */
  async function personWithRecords() {
    const agent = await newSession(server(), [BLOIS]);
    const person = newPersonPut(BLOIS, 'Martin', 'Yvonne');
    const visit = visitPut(BLOIS);
    (visit.data as { personId?: string }).personId = person.entityId;
    const referral = referralPut(person.entityId, BLOIS, {
      kind: 'partner',
      partner: 'CCAS de Blois',
    });
    const task = taskPut(person.entityId, agent.agent.id);
    const results = await push(server(), agent, [person, visit, referral, task]);
    expect(results.results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
    ]);
    const merAgent = await newSession(server(), [MER]);
    const follow = await push(server(), merAgent, [scopePut('pin', person.entityId)]);
    expect(follow.results[0]?.status).toBe('accepted');
    return { agent, merAgent, personId: person.entityId, visit, referral, task };
  }

  it('exports the person file with visits, referrals and their history, tasks, follows, pins and the access log', async () => {
    const { agent, personId, visit, referral, task, merAgent } = await personWithRecords();
    const cadre = await newSession(server(), [BLOIS], 'cadre');
    const response = await send(
      server(),
      { method: 'GET', path: `/api/v1/rgpd/persons/${personId}/export` },
      cadre.token,
    );
    expect(response.status).toBe(200);
    const file = (await response.json()) as {
      tables: Record<string, Array<Record<string, unknown>>>;
    };
    const ids = (table: string) => file.tables[table]!.map((row) => row.id);
    expect(ids('persons')).toEqual([personId]);
    expect(ids('visits')).toEqual([visit.entityId]);
    expect(ids('referrals')).toEqual([referral.entityId]);
    expect(file.tables.referral_events!.length).toBeGreaterThan(0);
    expect(ids('tasks')).toEqual([task.entityId]);
    expect(file.tables.person_pins!.map((row) => row.agent_id)).toEqual([merAgent.agent.id]);
    // Its creator follows it from its creation, with no end yet.
    expect(file.tables.follow_periods!.map((row) => [row.agent_id, row.ended_at ?? null])).toEqual([
      [agent.agent.id, null],
    ]);
    const writes = file.tables.audit_log!.filter((row) => row.action === 'write');
    expect(new Set(writes.map((row) => row.entity))).toEqual(
      new Set(['person', 'visit', 'referral', 'task', 'pin']),
    );
    expect(writes.every((row) => row.person_id === personId)).toBe(true);
    // The cadre of another site does not see that the file exists.
    const other = await newSession(server(), [MER], 'cadre');
    const refused = await send(
      server(),
      { method: 'GET', path: `/api/v1/rgpd/persons/${personId}/export?format=html` },
      other.token,
    );
    expect(refused.status).toBe(404);
  });

  it('rectifies fields for the cadre: the new values win on every device and the wrong one is gone', async () => {
    const { agent, personId } = await personWithRecords();
    const cadre = await newSession(server(), [BLOIS], 'cadre');
    const cursor = (await pull(server(), agent.token, '?limit=1000')).cursor;
    const response = await send(
      server(),
      {
        method: 'PATCH',
        path: `/api/v1/rgpd/persons/${personId}`,
        body: { lastName: 'Martin-Durand', phone: null },
      },
      cadre.token,
    );
    expect(response.status).toBe(200);
    const page = await pull(server(), agent.token, `?cursor=${cursor}&limit=1000`);
    const change = page.changes.find((c) => c.entityId === personId && c.op === 'put');
    const record = personRecordSchema.parse(change && 'data' in change ? change.data : undefined);
    expect(record.fields.lastName).toMatchObject({ value: 'Martin-Durand', by: cadre.agent.id });
    expect(record.fields.phone?.value).toBeNull();
    expect(JSON.stringify(record.fields)).not.toContain('"Martin"');
    const rectified = await server().db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'rectify' AND person_id = $1",
      [personId],
    );
    expect(rectified[0]?.n).toBe(1);
    for (const body of [{}, { lastName: '' }, { nom: 'X' }]) {
      const bad = await send(
        server(),
        { method: 'PATCH', path: `/api/v1/rgpd/persons/${personId}`, body },
        cadre.token,
      );
      expect(bad.status).toBe(400);
      expect((await errorOf(bad)).code).toBe('invalid_body');
    }
  });

  it('purges a person only once every record about them has expired, and other sites’ pinners pull the removal', async () => {
    const { personId, merAgent } = await personWithRecords();
    const merCursor = (await pull(server(), merAgent.token, '?limit=1000')).cursor;
    server().clock.advance(3 * 365 * DAY_MS);
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    const purgeNow = () =>
      send(server(), { method: 'POST', path: '/api/v1/rgpd/purge' }, admin.token);
    // Tasks expire after 2 years, the rest later: the person stays while a record is kept.
    expect((await purgeNow()).status).toBe(200);
    expect(await count(server().db, `tasks WHERE person_id = '${personId}'`)).toBe(0);
    expect(await count(server().db, `persons WHERE id = '${personId}'`)).toBe(1);

    server().clock.advance(8 * 365 * DAY_MS);
    const admin2 = await newSession(server(), [BLOIS], 'administrateur');
    expect(
      (await send(server(), { method: 'POST', path: '/api/v1/rgpd/purge' }, admin2.token)).status,
    ).toBe(200);
    for (const table of [
      'persons WHERE id',
      'visits WHERE person_id',
      'referrals WHERE person_id',
      'person_pins WHERE person_id',
      'follow_periods WHERE person_id',
    ]) {
      expect(await count(server().db, `${table} = '${personId}'`)).toBe(0);
    }
    // The pinner at Mer logs in again (their token has long expired) and pulls the removal.
    const again = await logIn(server(), merAgent.agent.login, merAgent.password);
    const page = await pull(server(), again.token, `?cursor=${merCursor}&limit=1000`);
    expect(page.changes).toContainEqual(
      expect.objectContaining({ entity: 'person', entityId: personId, op: 'delete' }),
    );
  });
});
