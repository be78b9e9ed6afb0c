import { describe, expect, it } from 'vitest';
import { pushResponseSchema, type PushResponse } from '../../shared/sync/protocol-v1';
import { BLOIS, newSession, postJson, pull, type TestSession, visitPut } from './support/fixtures';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { type TestServer, useTestServer } from './support/test-server';
import type { Mutation } from '../../shared/sync/protocol-v1';

/** Starts the push without awaiting it, so several run at once on separate connections. */
async function pushNow(
  server: TestServer,
  session: TestSession,
  mutations: Mutation[],
): Promise<PushResponse> {
  const body = { v: 1, deviceId: session.deviceId, mutations };
  const response = await postJson(server, '/api/v1/sync/push', body, session.token);
  expect(response.status).toBe(200);
  return pushResponseSchema.parse(await response.json());
}

describe.each(testDatabases())('concurrent pushes on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  it('stores each visit once when the same mutations arrive twice at the same time', async () => {
    const session = await newSession(server(), [BLOIS]);
    const mutations = Array.from({ length: 20 }, () => visitPut(BLOIS));
    const [a, b] = await Promise.all([
      pushNow(server(), session, mutations),
      pushNow(server(), session, mutations),
    ]);

    const rows = await server().db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM visits WHERE id = ANY($1::uuid[])',
      [mutations.map((m) => m.entityId)],
    );
    expect(rows[0]!.n).toBe(20);
    for (let i = 0; i < mutations.length; i += 1) {
      const pair = [a.results[i]!, b.results[i]!];
      expect(pair.map((r) => r.status).sort()).toEqual(['accepted', 'duplicate']);
      const receipts = pair.map((r) =>
        r.status === 'rejected' || r.status === 'conflict' ? undefined : r.receipt,
      );
      expect(receipts[0]).toEqual(receipts[1]);
    }
  });

  it('lets a reader pulling during parallel pushes miss no change', async () => {
    const reader = await newSession(server(), [BLOIS]);
    let cursor = (await pull(server(), reader.token, '?limit=1000')).cursor;
    const seen: number[] = [];
    const readUntil = async (done: () => boolean) => {
      for (;;) {
        const finished = done();
        const page = await pull(server(), reader.token, `?limit=5&cursor=${cursor}`);
        seen.push(...page.changes.map((c) => c.version));
        cursor = page.cursor;
        if (finished && !page.hasMore) return;
      }
    };
    const writers = await Promise.all([1, 2, 3, 4].map(() => newSession(server(), [BLOIS])));
    let writing = true;
    const [responses] = await Promise.all([
      Promise.all(
        writers.map((w) =>
          pushNow(
            server(),
            w,
            Array.from({ length: 10 }, () => visitPut(BLOIS)),
          ),
        ),
      ).finally(() => (writing = false)),
      readUntil(() => !writing),
    ]);

    const versions = responses.flatMap((r) =>
      r.results.map((x) => (x.status === 'accepted' ? x.version : -1)),
    );
    expect(new Set(versions).size).toBe(40);
    expect(Math.min(...versions)).toBeGreaterThan(0);
    expect(seen).toEqual([...versions].sort((x, y) => x - y));
  });
});
