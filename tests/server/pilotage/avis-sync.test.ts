import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../../shared/sync/protocol-v1';
import { uuidv7 } from '../../../shared/uuidv7';
import type { Queryable } from '../../../server/src/db/database';
import { migrate } from '../../../server/src/db/migrate';
import { BLOIS, count, MER, newSession, pull, push, visitPut } from '../support/fixtures';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';

function avisPut(siteId: string, id: string = randomUUID(), extra: object = {}): Mutation {
  return {
    id: uuidv7(),
    seq: 0,
    entity: 'avis',
    op: 'put',
    entityId: id,
    at: new Date().toISOString(),
    data: { id, siteId, month: '2026-03', answers: { accueil: 'oui', aide: 'moyen' }, ...extra },
  };
}

/** Every table of the schema, by name. */
async function tables(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

/** The tables having a row whose text (all its columns) contains `value`, with their count. */
async function tablesMentioning(db: Queryable, value: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of await tables(db)) {
    const n = await count(db, `"${table}" AS x WHERE x::text LIKE '%${value}%'`);
    if (n > 0) found[table] = n;
  }
  return found;
}

/** The tables having a row written by the transaction `xid` (its `xmin`), with their count. */
async function tablesWrittenBy(db: Queryable, xid: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of await tables(db)) {
    const n = await count(db, `"${table}" WHERE xmin::text = '${xid}'`);
    if (n > 0) found[table] = n;
  }
  return found;
}

describe.each(testDatabases())('"Mon avis" sync on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  it('accepts an answer with a receipt and keeps only its site, month and answers', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const mutation = avisPut(BLOIS);
    const { results } = await push(server(), agent, [mutation]);
    expect(results[0]).toMatchObject({
      status: 'accepted',
      receipt: { number: expect.any(String) },
    });
    const rows = await server().db.query<Record<string, unknown>>(
      "SELECT id::text AS id, site_id, to_char(month, 'YYYY-MM-DD') AS month, answers FROM avis",
    );
    expect(rows).toEqual([
      {
        id: mutation.entityId,
        site_id: BLOIS,
        month: '2026-03-01',
        answers: { accueil: 'oui', aide: 'moyen' },
      },
    ]);
    const columns = await server().db.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'avis' ORDER BY ordinal_position",
    );
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'site_id', 'month', 'answers']);
    // No tablet pulls it back: nothing in the change log names it.
    const other = await newSession(server(), [BLOIS]);
    expect((await pull(server(), other.token)).changes.filter((c) => c.entity === 'avis')).toEqual(
      [],
    );
  });

  it('answers duplicate to a replay and refuses a second put of the same answer', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const mutation = avisPut(BLOIS);
    const first = await push(server(), agent, [mutation]);
    const again = await push(server(), agent, [mutation, { ...mutation, id: uuidv7() }]);
    const accepted = first.results[0]!;
    expect(accepted.status).toBe('accepted');
    expect(again.results[0]).toEqual({ ...accepted, status: 'duplicate' });
    expect(again.results[1]).toMatchObject({
      status: 'rejected',
      reason: { code: 'immutable_record' },
    });
  });

  it('refuses a time-bearing id, a day instead of a month, a link to a person, another site', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const before = await count(server().db, 'avis');
    const v7 = uuidv7();
    const { results } = await push(server(), agent, [
      avisPut(BLOIS, v7),
      avisPut(BLOIS, undefined, { month: '2026-03-14' }),
      avisPut(BLOIS, undefined, { visitId: uuidv7() }),
      avisPut(MER),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
      'invalid_record',
      'invalid_record',
      'invalid_record',
      'forbidden_site',
    ]);
    expect(await count(server().db, 'avis')).toBe(before);
  });

  it('keeps nothing that joins an answer to the tablet, the agent or the visit, and still answers a resend duplicate', async () => {
    const db = server().db;
    const agent = await newSession(server(), [BLOIS]);
    // The worst case: the visit and the answer in the same push, so the same transaction.
    const visit = visitPut(BLOIS);
    const avis = avisPut(BLOIS);
    const first = await push(server(), agent, [visit, avis]);
    expect(first.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(first.results[1]).toEqual({
      id: avis.id,
      status: 'accepted',
      version: 1,
      receipt: { number: 'anonyme', issuedAt: '2026-03-01T00:00:00.000Z' },
    });

    // The answer's id is in its own row only; its mutation id, the device and the agent in
    // no row about it: not the push journal, the audit log nor the change log.
    expect(await tablesMentioning(db, avis.entityId)).toEqual({ avis: 1 });
    expect(await tablesMentioning(db, avis.id)).toEqual({});
    for (const id of [agent.deviceId, agent.agent.id]) {
      const where = await tablesMentioning(db, id);
      expect(where).not.toHaveProperty('avis');
      expect(where).not.toHaveProperty('anonymous_mutations');
    }
    // The visit, by contrast, is journalled and audited with its device and agent.
    const journal = await db.query<{ device_id: string; agent_id: string; entity: string }>(
      'SELECT device_id::text, agent_id::text, entity FROM applied_mutations WHERE device_id = $1',
      [agent.deviceId],
    );
    expect(journal).toEqual([
      { device_id: agent.deviceId, agent_id: agent.agent.id, entity: 'visit' },
    ]);
    const anonymous = await db.query<Record<string, unknown>>('SELECT * FROM anonymous_mutations');
    expect(Object.keys(anonymous[0]!).sort()).toEqual(['key', 'result']);
    expect(anonymous.map((row) => row.result)).toContainEqual({
      status: 'accepted',
      version: 1,
      receipt: { number: 'anonyme', issuedAt: '2026-03-01T00:00:00.000Z' },
    });

    // No system column pairs them either: the visit's push wrote the visit and its journal
    // in one transaction, the answer was rewritten in another that wrote no other table.
    const [visitRow] = await db.query<{ xmin: string }>(
      'SELECT xmin::text AS xmin FROM visits WHERE id = $1',
      [visit.entityId],
    );
    const pushWrote = await tablesWrittenBy(db, visitRow!.xmin);
    expect(pushWrote).toMatchObject({ visits: 1, applied_mutations: 1, audit_log: 1 });
    expect(pushWrote).not.toHaveProperty('avis');
    const [avisRow] = await db.query<{ xmin: string }>(
      'SELECT xmin::text AS xmin FROM avis WHERE id = $1',
      [avis.entityId],
    );
    expect(Object.keys(await tablesWrittenBy(db, avisRow!.xmin))).toEqual(['avis']);

    // Exactly once still: the resend is a duplicate with the same answer, and adds nothing.
    const again = await push(server(), agent, [avis]);
    expect(again.results).toEqual([{ ...first.results[1], status: 'duplicate' }]);
    expect(await tablesMentioning(db, avis.entityId)).toEqual({ avis: 1 });
  });

  it('keeps the answers of a site and month in the order of their random ids, not of arrival', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const month = { month: '2025-11' };
    for (let i = 0; i < 4; i += 1) await push(server(), agent, [avisPut(BLOIS, undefined, month)]);
    const rows = await server().db.query<{ id: string }>(
      "SELECT id::text AS id FROM avis WHERE site_id = $1 AND month = '2025-11-01' ORDER BY ctid",
      [BLOIS],
    );
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.id)).toEqual(rows.map((r) => r.id).sort());
  });

  it('moves the answers journalled before migration 010 out of reach, and still answers their resend', async () => {
    const db = server().db;
    const agent = await newSession(server(), [BLOIS]);
    // The database as it was before migration 010, holding an answer pushed back then.
    await db.exec(
      "DROP TABLE anonymous_mutations; DELETE FROM schema_migrations WHERE name = '010_avis_unlinked.sql'",
    );
    const mutation = avisPut(BLOIS);
    const result = {
      id: mutation.id,
      status: 'accepted',
      version: 41,
      receipt: { number: '2026-000041', issuedAt: '2026-03-14T10:02:03.000Z' },
    };
    await db.query(
      `INSERT INTO avis (id, site_id, month, answers) VALUES ($1, $2, '2026-03-01', '{}')`,
      [mutation.entityId, BLOIS],
    );
    await db.query(
      `INSERT INTO applied_mutations (mutation_id, device_id, agent_id, entity, entity_id, result, applied_at)
       VALUES ($1, $2, $3, 'avis', $4, $5::jsonb, now())`,
      [mutation.id, agent.deviceId, agent.agent.id, mutation.entityId, JSON.stringify(result)],
    );
    expect(await tablesMentioning(db, mutation.entityId)).toEqual({
      applied_mutations: 1,
      audit_log: 1,
      avis: 1,
    });

    expect(await migrate(db)).toEqual(['010_avis_unlinked.sql']);
    expect(await tablesMentioning(db, mutation.entityId)).toEqual({ avis: 1 });
    expect(await tablesMentioning(db, mutation.id)).toEqual({});
    // The audit log is append-only again once the migration is done.
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    // The key computed in SQL is the server's: the resend is found and answered as before.
    const again = await push(server(), agent, [mutation]);
    expect(again.results).toEqual([{ ...result, status: 'duplicate' }]);
  });
});
