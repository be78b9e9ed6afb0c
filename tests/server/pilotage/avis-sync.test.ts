import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../../shared/sync/protocol-v1';
import { uuidv7 } from '../../../shared/uuidv7';
import { BLOIS, count, MER, newSession, pull, push } from '../support/fixtures';
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
});
