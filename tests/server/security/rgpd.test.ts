import { describe, expect, it } from 'vitest';
import { purgeReportSchema } from '../../../shared/security/rgpd-api';
import { uuidv7 } from '../../../shared/uuidv7';
import type { Mutation } from '../../../shared/sync/protocol-v1';
import { purgeExpired } from '../../../server/src/rgpd/purge-expired';
import { BLOIS, count, newSession, pull, push, visitPut } from '../support/fixtures';
import { jsonFile, SERVICE_A, STRUCTURE_A } from '../support/guide-files';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { send } from './support/send';

const DAY_MS = 24 * 60 * 60 * 1000;

function orientationOf(visitId: string): Mutation {
  const id = uuidv7();
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    seq: 0,
    entity: 'orientation',
    op: 'put',
    entityId: id,
    at,
    data: {
      id,
      siteId: BLOIS,
      serviceId: SERVICE_A.id,
      serviceName: SERVICE_A.nom,
      visitId,
      note: 'Rappeler',
      createdAt: at,
    },
  };
}

describe.each(testDatabases())('RGPD on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);
  const exportOf = (token: string, visitId: string, format = 'json') =>
    send(
      server(),
      { method: 'GET', path: `/api/v1/rgpd/visits/${visitId}/export?format=${format}` },
      token,
    );

  async function visitWithCorrection() {
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    await send(
      server(),
      {
        method: 'POST',
        path: '/api/v1/guide/import',
        body: new Uint8Array(jsonFile({ structures: [STRUCTURE_A], services: [SERVICE_A] })),
      },
      admin.token,
    );
    const agent = await newSession(server(), [BLOIS]);
    const first = visitPut(BLOIS, { personName: 'Yvonne <script>alert(1)</script> Martin' });
    const correction = visitPut(BLOIS, { personName: 'Yvonne Martin' });
    (correction.data as { supersedes?: string }).supersedes = first.entityId;
    const orientation = orientationOf(correction.entityId);
    const unrelated = visitPut(BLOIS, { personName: 'Quelqu’un d’autre' });
    const results = await push(server(), agent, [first, correction, orientation, unrelated]);
    expect(results.results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
    ]);
    return { agent, first, correction, orientation, unrelated };
  }

  it('exports everything held on the person of a visit: the correction chain, orientations and who accessed them', async () => {
    const { first, correction, orientation, unrelated } = await visitWithCorrection();
    const cadre = await newSession(server(), [BLOIS], 'cadre');
    for (const visitId of [first.entityId, correction.entityId]) {
      const response = await exportOf(cadre.token, visitId);
      expect(response.status).toBe(200);
      const file = (await response.json()) as {
        tables: Record<string, Array<Record<string, unknown>>>;
      };
      expect(file.tables.visits!.map((v) => v.id).sort()).toEqual(
        [first.entityId, correction.entityId].sort(),
      );
      expect(file.tables.orientations!.map((o) => o.id)).toEqual([orientation.entityId]);
      const audited = new Set(file.tables.audit_log!.map((e) => e.entity_id));
      expect(audited).toContain(orientation.entityId);
      expect(audited).not.toContain(unrelated.entityId);
      expect(JSON.stringify(file)).not.toContain('Quelqu’un d’autre');
    }
    const exports = await server().db.query<{ entity_id: string }>(
      "SELECT entity_id FROM audit_log WHERE action = 'export' AND agent_id = $1",
      [cadre.agent.id],
    );
    expect(new Set(exports.map((e) => e.entity_id))).toEqual(
      new Set([first.entityId, correction.entityId, orientation.entityId]),
    );
  });

  it('gives a printable page with no script, its text escaped, under its own strict policy', async () => {
    const { first } = await visitWithCorrection();
    const cadre = await newSession(server(), [BLOIS], 'cadre');
    const response = await exportOf(cadre.token, first.entityId, 'html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await response.text();
    expect(html).toContain('Yvonne &lt;script&gt;alert(1)&lt;/script&gt; Martin');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<h2>Visites (2)</h2>');
    expect(html).toContain('@media print');
  });

  it('purges records past their retention, leaves tombstones that devices pull, and logs it', async () => {
    const { first, correction, orientation } = await visitWithCorrection();
    const cursor = (
      await pull(server(), (await newSession(server(), [BLOIS])).token, '?limit=1000')
    ).cursor;
    const before = await count(server().db, 'visits');

    server().clock.advance(400 * DAY_MS);
    // Tokens of 400 days ago have expired: new logins.
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    const agent = await newSession(server(), [BLOIS]);
    const fresh = visitPut(BLOIS);
    await push(server(), agent, [fresh]);
    const set = await send(
      server(),
      { method: 'PUT', path: '/api/v1/rgpd/retention/visit', body: { retentionDays: 365 } },
      admin.token,
    );
    expect(set.status).toBe(200);
    const purge = await send(server(), { method: 'POST', path: '/api/v1/rgpd/purge' }, admin.token);
    expect(purge.status).toBe(200);
    const report = purgeReportSchema.parse(await purge.json());
    const visits = report.entities.find((e) => e.entity === 'visit');
    expect(visits).toMatchObject({ retentionDays: 365 });
    expect(visits!.purged).toBe(before);
    expect(report.entities.find((e) => e.entity === 'orientation')?.purged).toBe(0);

    expect(await count(server().db, 'visits')).toBe(1);
    const gone = [first.entityId, correction.entityId];
    const page = await pull(server(), agent.token, `?cursor=${cursor}&limit=1000`);
    const deletes = page.changes.filter((c) => c.op === 'delete').map((c) => c.entityId);
    expect(deletes).toEqual(expect.arrayContaining(gone));
    const stored = await server().db.query<{ op: string; payload: unknown }>(
      'SELECT op, payload FROM sync_changes WHERE entity_id = ANY($1::text[])',
      [gone],
    );
    expect(stored).toEqual(gone.map(() => ({ op: 'delete', payload: null })));
    const logged = await server().db.query<{ agent_id: string }>(
      "SELECT agent_id FROM audit_log WHERE action = 'purge' AND entity_id = $1",
      [first.entityId],
    );
    expect(logged).toEqual([{ agent_id: admin.agent.id }]);
    // The orientation keeps its own period; the fresh visit is kept.
    expect(await count(server().db, `orientations WHERE id = '${orientation.entityId}'`)).toBe(1);
    expect(await count(server().db, `visits WHERE id = '${fresh.entityId}'`)).toBe(1);
  });

  it('purges nothing more when run again, and runs as a job with no agent', async () => {
    const report = await purgeExpired(server().db, {
      now: server().clock.now,
      by: null,
      via: 'npm run purge',
    });
    expect(report.entities.every((e) => e.purged === 0)).toBe(true);
  });

  it('refuses a retention period that is not a positive number of days, and an unknown type', async () => {
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    for (const body of [
      { retentionDays: 0 },
      { retentionDays: 'dix ans' },
      { retentionDays: 10, extra: 1 },
    ]) {
      const response = await send(
        server(),
        { method: 'PUT', path: '/api/v1/rgpd/retention/visit', body },
        admin.token,
      );
      expect(response.status).toBe(400);
    }
    const unknown = await send(
      server(),
      { method: 'PUT', path: '/api/v1/rgpd/retention/inconnu', body: { retentionDays: 10 } },
      admin.token,
    );
    expect(unknown.status).toBe(404);
  });
});
