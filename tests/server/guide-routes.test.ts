import { describe, expect, it } from 'vitest';
import { importReportSchema } from '../../shared/guide/import-report';
import { uuidv7 } from '../../shared/uuidv7';
import type { Mutation } from '../../shared/sync/protocol-v1';
import { BLOIS, errorOf, MER, newSession, pull, push } from './support/fixtures';
import { jsonFile, SERVICE_A, STRUCTURE_A } from './support/guide-files';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

function orientationPut(siteId: string, serviceId = SERVICE_A.id): Mutation {
  const id = uuidv7();
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    seq: 0,
    entity: 'orientation',
    op: 'put',
    entityId: id,
    at,
    data: { id, siteId, serviceId, serviceName: 'Aide ménagère', visitId: uuidv7(), createdAt: at },
  };
}

describe.each(testDatabases())('guide routes on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);
  const upload = (token: string, body: Uint8Array) =>
    Promise.resolve(
      server().app.request('/api/v1/guide/import', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(body), // a copy on its own ArrayBuffer, as fetch bodies are typed
      }),
    );

  it('lets an administrator upload a file and answers the report', async () => {
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    const response = await upload(
      admin.token,
      jsonFile({ structures: [STRUCTURE_A], services: [SERVICE_A] }),
    );
    expect(response.status).toBe(200);
    const report = importReportSchema.parse(await response.json());
    expect(report.services.accepted).toBe(1);
  });

  it('refuses the upload to an agent who is not an administrator, and a non-data·inclusion file with its code', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const refused = await upload(agent.token, jsonFile({ structures: [STRUCTURE_A] }));
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('forbidden');
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    const garbage = await upload(admin.token, jsonFile({ lignes: [] }));
    expect(garbage.status).toBe(422);
    const error = await errorOf(garbage);
    expect(error.code).toBe('guide_not_data_inclusion');
    expect(error.message).toMatch(/Rien n’a été importé/);
  });

  it('sends the guide to every agent by pull, whatever their site', async () => {
    const atMer = await newSession(server(), [MER]);
    const page = await pull(server(), atMer.token, '?limit=1000');
    const entities = page.changes.map((c) => `${c.entity}:${c.entityId}`);
    expect(entities).toContain(`structure:${STRUCTURE_A.id}`);
    expect(entities).toContain(`service:${SERVICE_A.id}`);
  });

  it('records an orientation with a receipt, answers duplicate on replay, and shows it only to its site', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const mutation = orientationPut(BLOIS);
    const first = await push(server(), agent, [mutation]);
    expect(first.results[0]).toMatchObject({
      status: 'accepted',
      receipt: { number: expect.stringMatching(/^\d{4}-\d{6}$/) },
    });
    const replay = await push(server(), agent, [mutation]);
    expect(replay.results[0]!.status).toBe('duplicate');
    const sameSite = await pull(
      server(),
      (await newSession(server(), [BLOIS])).token,
      '?limit=1000',
    );
    expect(
      sameSite.changes.some((c) => c.entity === 'orientation' && c.entityId === mutation.entityId),
    ).toBe(true);
    const otherSite = await pull(
      server(),
      (await newSession(server(), [MER])).token,
      '?limit=1000',
    );
    expect(otherSite.changes.some((c) => c.entity === 'orientation')).toBe(false);
  });

  it('refuses an orientation for another site, for a service not in the guide, and any push of guide records', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const structurePush: Mutation = { ...orientationPut(BLOIS), entity: 'service' };
    const { results } = await push(server(), agent, [
      orientationPut(MER),
      orientationPut(BLOIS, 'inconnu'),
      structurePush,
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
      'forbidden_site',
      'invalid_record',
      'unsupported_op',
    ]);
  });

  it('serves the public sheet as HTML without script, under a strict CSP, and 404 for an unknown service', async () => {
    const response = await server().app.request(`/fiche/${SERVICE_A.id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>Aide ménagère</h1>');
    expect(html).toContain('Ce qu’il faut apporter');
    // At most two public holidays in a week: some weekday shows the hours.
    expect(html).toMatch(
      /(Lundi|Mardi|Mercredi|Jeudi|Vendredi) : de 9 h à 12 h et de 13 h 30 à 17 h/,
    );
    expect(html).not.toMatch(/<script/i);
    expect(response.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'sha256-/,
    );
    expect((await server().app.request('/fiche/inconnu')).status).toBe(404);
  });
});
