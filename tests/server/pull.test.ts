import { describe, expect, it } from 'vitest';
import { siteSchema } from '../../shared/schemas/site';
import { visitRecordSchema } from '../../shared/schemas/visit';
import type { Change } from '../../shared/sync/protocol-v1';
import { encodeCursor } from '../../server/src/sync/cursor';
import {
  BLOIS,
  errorOf,
  MER,
  newSession,
  pull,
  push,
  type TestSession,
  VENDOME,
  visitPut,
} from './support/fixtures';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { type TestServer, useTestServer } from './support/test-server';

/** Pulls from `cursor` to the end, one page of `limit` at a time. */
async function pullAll(server: TestServer, session: TestSession, limit: number, cursor?: string) {
  const pages: Change[][] = [];
  let query = cursor;
  for (;;) {
    const page = await pull(
      server,
      session.token,
      `?limit=${limit}${query ? `&cursor=${query}` : ''}`,
    );
    pages.push(page.changes);
    expect(page.changes.length).toBeLessThanOrEqual(limit);
    query = page.cursor;
    if (!page.hasMore) return { pages, changes: pages.flat(), cursor: page.cursor };
    expect(page.changes).toHaveLength(limit);
  }
}

describe.each(testDatabases())('pull on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  it('pages through 25 new visits by 10: three pages, no duplicate, no gap, in version order', async () => {
    const author = await newSession(server(), [VENDOME]);
    const reader = await newSession(server(), [VENDOME]);
    const start = await pullAll(server(), reader, 1000);
    const mutations = Array.from({ length: 25 }, () =>
      visitPut(VENDOME, { communeInsee: '41269' }),
    );
    const pushed = await push(server(), author, mutations);

    const { pages, changes, cursor } = await pullAll(server(), reader, 10, start.cursor);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(changes.map((c) => c.entityId)).toEqual(mutations.map((m) => m.entityId));
    const versions = changes.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions).toEqual(pushed.results.map((r) => (r.status === 'accepted' ? r.version : -1)));

    const end = await pull(server(), reader.token, `?cursor=${cursor}`);
    expect(end).toMatchObject({ changes: [], cursor, hasMore: false });
  });

  it('sends the full server record of a visit: author, version, time and receipt', async () => {
    const session = await newSession(server(), [BLOIS]);
    const mutation = visitPut(BLOIS);
    const [result] = (await push(server(), session, [mutation])).results;
    const { changes } = await pullAll(server(), session, 1000);
    const change = changes.find((c) => c.entityId === mutation.entityId);
    expect(change?.op).toBe('put');
    const record = visitRecordSchema.parse(change?.op === 'put' ? change.data : undefined);
    expect(record).toEqual({
      ...(mutation.data as object),
      authorId: session.agent.id,
      version: change?.version,
      updatedAt: server().clock.now.toISOString(),
      receipt: result?.status === 'accepted' ? result.receipt : undefined,
    });
  });

  it('gives every agent the sites, and the visits of their own sites only', async () => {
    const blois = await newSession(server(), [BLOIS]);
    const mer = await newSession(server(), [MER]);
    await push(server(), blois, [visitPut(BLOIS)]);
    await push(server(), mer, [visitPut(MER, { communeInsee: '41136' })]);
    for (const [session, site] of [
      [blois, BLOIS],
      [mer, MER],
    ] as const) {
      const { changes } = await pullAll(server(), session, 7);
      const sites = changes.filter((c) => c.entity === 'site');
      expect(sites).toHaveLength(12);
      for (const s of sites) siteSchema.parse(s.op === 'put' ? s.data : undefined);
      const visits = changes.filter((c) => c.entity === 'visit');
      expect(visits.length).toBeGreaterThan(0);
      for (const v of visits)
        expect(visitRecordSchema.parse(v.op === 'put' ? v.data : undefined).siteId).toBe(site);
    }
  });

  it('starts from the beginning without a cursor and answers the same cursor when nothing is new', async () => {
    const session = await newSession(server(), [BLOIS]);
    const first = await pull(server(), session.token, '?limit=1');
    expect(first.changes[0]).toMatchObject({ entity: 'site', op: 'put', version: 1 });
    expect(first.cursor).toBe(encodeCursor(1));
    const { cursor } = await pullAll(server(), session, 1000);
    const again = await pull(server(), session.token, `?cursor=${cursor}`);
    expect(again).toMatchObject({ changes: [], cursor, hasMore: false });
  });

  it.each([
    ['a cursor that is not ours', '?cursor=bm9wZQ'],
    [
      'a cursor of another version',
      `?cursor=${Buffer.from('{"v":9,"seq":1}').toString('base64url')}`,
    ],
    ['a limit of 0', '?limit=0'],
    ['a limit over the maximum', '?limit=5000'],
    ['a limit that is not a number', '?limit=dix'],
  ])('answers 400 invalid_query for %s', async (_label, query) => {
    const session = await newSession(server(), [BLOIS]);
    const response = await server().app.request(`/api/v1/sync/pull${query}`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('invalid_query');
  });
});
