import { describe, expect, it } from 'vitest';
import { purgeReportSchema } from '../../../shared/security/rgpd-api';
import { recordAudit } from '../../../server/src/audit/record-audit';
import { purgeExpired } from '../../../server/src/rgpd/purge-expired';
import { BLOIS, count, newSession, push, visitPut } from '../support/fixtures';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { send } from './support/send';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The audit log's retention: the one DELETE its append-only triggers let through. */
describe.each(testDatabases())('audit log retention on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);
  const entriesAt = (comparison: '<=' | '>', at: Date) =>
    count(server().db, `audit_log WHERE at ${comparison} '${at.toISOString()}'`);

  it('ships a one-year period the administrator can change, listed with the others', async () => {
    const cadre = await newSession(server(), [BLOIS], 'cadre');
    const list = await send(
      server(),
      { method: 'GET', path: '/api/v1/rgpd/retention' },
      cadre.token,
    );
    expect((await list.json()) as unknown).toMatchObject({
      policies: expect.arrayContaining([
        { entity: 'audit', retentionDays: 365, label: 'Journal des accès : 1 an' },
      ]),
    });
  });

  it('purges the entries past the period with the other records, logs it once, and keeps the newer ones', async () => {
    const writer = await newSession(server(), [BLOIS]);
    await push(server(), writer, [visitPut(BLOIS), visitPut(BLOIS)]);
    const oldTime = server().clock.now;
    const old = await entriesAt('<=', oldTime);
    expect(old).toBeGreaterThanOrEqual(2);

    server().clock.advance(200 * DAY_MS);
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    const laterWriter = await newSession(server(), [BLOIS]);
    await push(server(), laterWriter, [visitPut(BLOIS)]);
    const set = await send(
      server(),
      { method: 'PUT', path: '/api/v1/rgpd/retention/audit', body: { retentionDays: 180 } },
      admin.token,
    );
    expect(set.status).toBe(200);
    const newer = await entriesAt('>', oldTime);

    const purge = await send(server(), { method: 'POST', path: '/api/v1/rgpd/purge' }, admin.token);
    expect(purge.status).toBe(200);
    const report = purgeReportSchema.parse(await purge.json());
    expect(report.entities.find((e) => e.entity === 'audit')).toMatchObject({
      retentionDays: 180,
      purged: old,
    });
    expect(await entriesAt('<=', oldTime)).toBe(0);
    // The newer entries stay, with one more: the purge of the log itself.
    expect(await entriesAt('>', oldTime)).toBe(newer + 1);
    const cutoff = new Date(server().clock.now.getTime() - 180 * DAY_MS).toISOString();
    const logged = await server().db.query<{ agent_id: string; entity_id: string }>(
      "SELECT agent_id, entity_id FROM audit_log WHERE action = 'purge' AND entity = 'audit'",
    );
    expect(logged).toEqual([{ agent_id: admin.agent.id, entity_id: cutoff }]);

    // Run again as the daily job: nothing more to purge.
    const again = await purgeExpired(server().db, {
      now: server().clock.now,
      by: null,
      via: 'npm run purge',
    });
    expect(again.entities.find((e) => e.entity === 'audit')?.purged).toBe(0);
  });

  it('still refuses any other UPDATE, DELETE or TRUNCATE, and a cutoff lets no newer row go', async () => {
    const at = server().clock.now;
    await recordAudit(server().db, at, [
      { agentId: null, action: 'read', entity: 'visit', entityId: 'gardee', via: 'test' },
    ]);
    const before = await count(server().db, 'audit_log');
    const oneDayEarlier = new Date(at.getTime() - DAY_MS).toISOString();
    for (const sql of [
      "DELETE FROM audit_log WHERE entity_id = 'gardee'",
      "UPDATE audit_log SET via = 'effacé'",
      'TRUNCATE audit_log',
    ]) {
      await expect(server().db.query(sql)).rejects.toThrow(/append-only/);
      // With a cutoff named, as the purge does: still only rows written before it may go.
      await expect(
        server().db.transaction(async (tx) => {
          await tx.query("SELECT set_config('dk.audit_purge_before', $1, true)", [oneDayEarlier]);
          await tx.query(sql);
        }),
      ).rejects.toThrow(/append-only/);
    }
    expect(await count(server().db, 'audit_log')).toBe(before);
  });
});
