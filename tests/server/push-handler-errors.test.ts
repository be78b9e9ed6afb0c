import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mutation } from '../../shared/sync/protocol-v1';
import { visitHandlers } from '../../server/src/sync/entities/visit';
import { BLOIS, count, newSession, postJson, push, visitPut } from './support/fixtures';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

/**
 * A handler that fails on one record must not block the device's queue forever (its answer
 * would be a 500 and the same batch resent for ever), while a database that is down must fail
 * the whole batch so the device retries it later. The real visit handler is wrapped so that a
 * record whose notes say so meets a bug, a bad query, or a lost connection.
 */
const BUG = 'provoque une erreur du serveur';
const BAD_QUERY = 'provoque une requête fautive';
const CONNECTION_LOST = 'provoque une connexion perdue';

describe.each(testDatabases())('push handler failures on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  afterEach(() => {
    vi.restoreAllMocks();
  });

  function faultyVisitHandler() {
    const put = visitHandlers.put!;
    vi.spyOn(visitHandlers, 'put').mockImplementation(async (ctx, mutation) => {
      const notes = (mutation.data as { answers?: { notes?: string } }).answers?.notes;
      if (notes === BUG) throw new TypeError("Cannot read properties of undefined (reading 'x')");
      if (notes === BAD_QUERY) await ctx.tx.query('SELECT * FROM table_qui_n_existe_pas');
      if (notes === CONNECTION_LOST)
        await ctx.tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
      return put(ctx, mutation);
    });
  }

  const sendRaw = async (token: string, deviceId: string, mutations: Mutation[]) =>
    postJson(server(), '/api/v1/sync/push', { v: 1, deviceId, mutations }, token);

  it('refuses alone, with a stable code, a record whose handler throws, and answers it the same when resent', async () => {
    faultyVisitHandler();
    const session = await newSession(server(), [BLOIS]);
    const mutations = [visitPut(BLOIS), visitPut(BLOIS, { notes: BUG }), visitPut(BLOIS)];
    const visitsBefore = await count(server().db, 'visits');
    const { results } = await push(server(), session, mutations);

    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    const refused = results[1]!;
    expect(refused.status === 'rejected' && refused.reason).toEqual({
      code: 'internal_record_error',
      message: expect.stringContaining('erreur interne'),
    });
    expect(await count(server().db, 'visits')).toBe(visitsBefore + 2);
    expect(server().logs.some((line) => line.includes(mutations[1]!.entityId))).toBe(true);

    const again = await push(server(), session, mutations);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'rejected', 'duplicate']);
    expect(await count(server().db, 'visits')).toBe(visitsBefore + 2);
  });

  it('refuses the failing records alone when the batch also needs the careful pass', async () => {
    faultyVisitHandler();
    const session = await newSession(server(), [BLOIS]);
    const mutations = [
      visitPut(BLOIS),
      visitPut(BLOIS, { notes: 'caractère nul \u0000 refusé par jsonb' }),
      visitPut(BLOIS, { notes: BUG }),
      visitPut(BLOIS),
    ];
    const visitsBefore = await count(server().db, 'visits');
    const { results } = await push(server(), session, mutations);
    expect(results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
      'accepted',
      'invalid_record',
      'internal_record_error',
      'accepted',
    ]);
    expect(await count(server().db, 'visits')).toBe(visitsBefore + 2);
  });

  it('fails the whole batch, keeping nothing, when the database fails a query', async () => {
    faultyVisitHandler();
    const session = await newSession(server(), [BLOIS]);
    const mutations = [visitPut(BLOIS), visitPut(BLOIS, { notes: BAD_QUERY })];
    const visitsBefore = await count(server().db, 'visits');
    const response = await sendRaw(session.token, session.deviceId, mutations);
    expect(response.status).toBe(500);
    expect(await count(server().db, 'visits')).toBe(visitsBefore);

    vi.restoreAllMocks(); // the database is fine again: the same batch goes through
    const { results } = await push(server(), session, mutations);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });

  if (target.name === 'PostgreSQL')
    it('fails the whole batch when the connection to the database is lost, then takes it again', async () => {
      faultyVisitHandler();
      const session = await newSession(server(), [BLOIS]);
      const mutations = [visitPut(BLOIS), visitPut(BLOIS, { notes: CONNECTION_LOST })];
      const visitsBefore = await count(server().db, 'visits');
      const response = await sendRaw(session.token, session.deviceId, mutations);
      expect(response.status).toBe(500);
      expect(await count(server().db, 'visits')).toBe(visitsBefore);

      vi.restoreAllMocks();
      const { results } = await push(server(), session, mutations);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    });
});
