import { describe, expect, it } from 'vitest';
import { auditPageSchema } from '../../../shared/security/audit-api';
import { uuidv7 } from '../../../shared/uuidv7';
import { recordAudit } from '../../../server/src/audit/record-audit';
import { BLOIS, errorOf, MER, newSession, pull, push, visitPut } from '../support/fixtures';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { newPersonPut, referralPut, statusPut } from '../support/persons';
import { send } from './support/send';

interface AuditRow {
  agent_id: string | null;
  device_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  site_id: string | null;
  via: string;
}

describe.each(testDatabases())('audit log on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);
  const entriesFor = (entityId: string) =>
    server().db.query<AuditRow>(
      'SELECT agent_id, device_id, action, entity, entity_id, site_id, via FROM audit_log WHERE entity_id = $1 ORDER BY id',
      [entityId],
    );
  const readLog = async (token: string, query: string) => {
    const response = await send(server(), { method: 'GET', path: `/api/v1/audit${query}` }, token);
    expect(response.status).toBe(200);
    return auditPageSchema.parse(await response.json());
  };

  it('writes one entry per accepted record of a push, in its transaction, and none for a refused one', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const accepted = visitPut(BLOIS);
    const refused = visitPut(MER);
    await push(server(), agent, [accepted, refused]);
    expect(await entriesFor(accepted.entityId)).toEqual([
      {
        agent_id: agent.agent.id,
        device_id: agent.deviceId,
        action: 'write',
        entity: 'visit',
        entity_id: accepted.entityId,
        site_id: BLOIS,
        via: 'push',
      },
    ]);
    expect(await entriesFor(refused.entityId)).toEqual([]);
    // A replay is a duplicate: no second write.
    await push(server(), agent, [accepted]);
    expect(await entriesFor(accepted.entityId)).toHaveLength(1);
  });

  it('names the person and the site of a referral status change', async () => {
    const sender = await newSession(server(), [BLOIS]);
    const receiver = await newSession(server(), [BLOIS]);
    const person = newPersonPut(BLOIS, 'Audit', 'Rose');
    const referral = referralPut(person.entityId, BLOIS, {
      kind: 'agent',
      agentId: receiver.agent.id,
    });
    await push(server(), sender, [person, referral]);
    const [result] = (
      await push(server(), receiver, [statusPut(referral.entityId, 'envoyee', 'recue')])
    ).results;
    expect(result?.status).toBe('accepted');
    const rows = await server().db.query<{ site_id: string; person_id: string; agent_id: string }>(
      "SELECT site_id, person_id::text AS person_id, agent_id::text AS agent_id FROM audit_log WHERE entity = 'referralStatus' AND entity_id = $1",
      [referral.entityId],
    );
    expect(rows).toEqual([
      { site_id: BLOIS, person_id: person.entityId, agent_id: receiver.agent.id },
    ]);
  });

  it('writes a read for each record of a site that a pull sends, naming the device, and none for global records', async () => {
    const writer = await newSession(server(), [BLOIS]);
    const reader = await newSession(server(), [BLOIS], 'puericultrice');
    const visit = visitPut(BLOIS);
    await push(server(), writer, [visit]);
    const page = await pull(server(), reader.token, '?limit=1000');
    expect(page.changes.map((c) => c.entityId)).toContain(visit.entityId);
    const reads = (await entriesFor(visit.entityId)).filter((e) => e.action === 'read');
    expect(reads).toEqual([
      expect.objectContaining({
        agent_id: reader.agent.id,
        device_id: reader.deviceId,
        site_id: BLOIS,
        via: 'pull',
      }),
    ]);
    const siteReads = await server().db.query(
      "SELECT 1 FROM audit_log WHERE entity = 'site' AND action = 'read'",
    );
    expect(siteReads).toEqual([]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the log, whoever asks', async () => {
    await recordAudit(server().db, server().clock.now, [
      { agentId: null, action: 'read', entity: 'visit', entityId: 'x', via: 'test' },
    ]);
    for (const sql of [
      "UPDATE audit_log SET via = 'effacé'",
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
    ]) {
      await expect(server().db.query(sql)).rejects.toThrow(/append-only/);
    }
    const rows = await server().db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE via = 'test'",
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('shows the cadre the log of their sites with filters and pages, and refuses another site', async () => {
    const cadre = await newSession(server(), [BLOIS], 'cadre');
    const writer = await newSession(server(), [BLOIS]);
    const elsewhere = await newSession(server(), [MER]);
    const visits = [visitPut(BLOIS), visitPut(BLOIS), visitPut(BLOIS)];
    await push(server(), writer, visits);
    const merVisit = visitPut(MER);
    await push(server(), elsewhere, [merVisit]);

    const writes = await readLog(cadre.token, `?agentId=${writer.agent.id}&action=write&limit=2`);
    expect(writes.entries.map((e) => e.entityId)).toEqual([
      visits[2]!.entityId,
      visits[1]!.entityId,
    ]);
    expect(writes.entries[0]).toMatchObject({
      agentName: writer.agent.displayName,
      siteId: BLOIS,
      via: 'push',
    });
    const older = await readLog(
      cadre.token,
      `?agentId=${writer.agent.id}&action=write&limit=2&before=${writes.nextBefore}`,
    );
    expect(older.entries.map((e) => e.entityId)).toEqual([visits[0]!.entityId]);
    expect(older.nextBefore).toBeUndefined();

    const all = await readLog(cadre.token, '?limit=500');
    expect(all.entries.every((e) => e.siteId === BLOIS)).toBe(true);
    expect(all.entries.map((e) => e.entityId)).not.toContain(merVisit.entityId);
    const byEntity = await readLog(cadre.token, `?entityId=${visits[0]!.entityId}`);
    expect(byEntity.entries).toHaveLength(1);

    const other = await send(
      server(),
      { method: 'GET', path: `/api/v1/audit?siteId=${MER}` },
      cadre.token,
    );
    expect(other.status).toBe(403);
    expect((await errorOf(other)).code).toBe('forbidden');
  });

  it('records what administrators change on accounts and devices', async () => {
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    const agent = await newSession(server(), [BLOIS]);
    await send(
      server(),
      { method: 'PATCH', path: `/api/v1/admin/agents/${agent.agent.id}`, body: { role: 'cadre' } },
      admin.token,
    );
    const log = await readLog(admin.token, `?entityId=${agent.agent.id}`);
    expect(log.entries).toEqual([
      expect.objectContaining({
        agentId: admin.agent.id,
        action: 'write',
        entity: 'agent',
        via: 'PATCH /api/v1/admin/agents/:id',
      }),
    ]);
  });

  it('costs one statement for a whole pull page: entries are inserted together', async () => {
    const entries = Array.from({ length: 500 }, () => ({
      agentId: uuidv7(),
      action: 'read' as const,
      entity: 'visit',
      entityId: uuidv7(),
      siteId: BLOIS,
      via: 'pull',
    }));
    let statements = 0;
    const counting = {
      ...server().db,
      query: <T>(sql: string, params?: unknown[]) => {
        statements += 1;
        return server().db.query<T>(sql, params);
      },
    };
    await recordAudit(counting, server().clock.now, entries);
    expect(statements).toBe(1);
    const rows = await server().db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ANY($1::text[])',
      [entries.map((e) => e.entityId)],
    );
    expect(rows[0]?.n).toBe(500);
  });
});
