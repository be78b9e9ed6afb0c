import { describe, expect, it } from 'vitest';
import { rejectionCodes } from '../../shared/errors';
import { uuidv7 } from '../../shared/uuidv7';
import type { Mutation } from '../../shared/sync/protocol-v1';
import { BLOIS, count, MER, newSession, push, VENDOME, visitPut } from './support/fixtures';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

const RECEIPT_NUMBER = /^\d{4}-\d{6}$/;

describe.each(testDatabases())('push on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  it('applies a batch of visits once, each with a version and a receipt of the server', async () => {
    const session = await newSession(server(), [BLOIS]);
    const visitsBefore = await count(server().db, 'visits');
    const mutations = [visitPut(BLOIS), visitPut(BLOIS), visitPut(BLOIS)];
    const response = await push(server(), session, mutations);

    expect(response.serverTime).toBe(server().clock.now.toISOString());
    expect(response.results.map((r) => [r.id, r.status])).toEqual(
      mutations.map((m) => [m.id, 'accepted']),
    );
    const accepted = response.results.flatMap((r) => (r.status === 'accepted' ? [r] : []));
    expect(new Set(accepted.map((r) => r.receipt.number)).size).toBe(3);
    for (const result of accepted) {
      expect(result.receipt.number).toMatch(RECEIPT_NUMBER);
      expect(result.receipt.issuedAt).toBe(server().clock.now.toISOString());
    }
    const versions = accepted.map((r) => r.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(await count(server().db, 'visits')).toBe(visitsBefore + 3);

    const rows = await server().db.query<{ author_id: string; receipt_number: string }>(
      'SELECT author_id, receipt_number FROM visits WHERE id = ANY($1::uuid[]) ORDER BY version',
      [mutations.map((m) => m.entityId)],
    );
    expect(rows).toEqual(
      accepted.map((r) => ({ author_id: session.agent.id, receipt_number: r.receipt.number })),
    );
  });

  it('refuses alone a mutation the database cannot store, after applying the batch in bulk failed', async () => {
    const session = await newSession(server(), [BLOIS]);
    const mutations = Array.from({ length: 5 }, () => visitPut(BLOIS));
    mutations[2] = visitPut(BLOIS, { notes: 'caractère nul \u0000 venu d’un copier-coller' }); // valid JSON, refused by jsonb
    const visitsBefore = await count(server().db, 'visits');
    const { results } = await push(server(), session, mutations);

    expect(results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'rejected',
      'accepted',
      'accepted',
    ]);
    const refused = results[2]!;
    expect(refused.status === 'rejected' && refused.reason.code).toBe('invalid_record');
    expect(await count(server().db, 'visits')).toBe(visitsBefore + 4);
    const again = await push(server(), session, mutations);
    expect(again.results.map((r) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'rejected',
      'duplicate',
      'duplicate',
    ]);
  });

  it('stores a full batch written in parts as if written at once: each record, its pull change, journal and audit once', async () => {
    const session = await newSession(server(), [BLOIS]);
    const mutations = Array.from({ length: 500 }, () => visitPut(BLOIS));
    const ids = mutations.map((m) => m.entityId);
    const { results } = await push(server(), session, mutations);
    expect(results.every((r) => r.status === 'accepted')).toBe(true);

    const logged = await server().db.query<{ visits: number; changes: number; journal: number }>(
      `SELECT (SELECT count(*)::int FROM visits WHERE id = ANY($1::uuid[])) AS visits,
              (SELECT count(*)::int FROM sync_changes
                WHERE entity = 'visit' AND entity_id = ANY($1::text[])) AS changes,
              (SELECT count(*)::int FROM applied_mutations WHERE entity_id = ANY($1::uuid[])) AS journal`,
      [ids],
    );
    expect(logged).toEqual([{ visits: 500, changes: 500, journal: 500 }]);
    const audit = await server().db.query<{ n: number; sites: string[] }>(
      `SELECT count(*)::int AS n, array_agg(DISTINCT site_id) AS sites FROM audit_log
       WHERE action = 'write' AND entity = 'visit' AND entity_id = ANY($1::text[])`,
      [ids],
    );
    expect(audit).toEqual([{ n: 500, sites: [BLOIS] }]);
    const versions = results.map((r) => (r.status === 'accepted' ? r.version : 0));
    const changes = await server().db.query<{ entity_id: string; seq: number | string }>(
      `SELECT entity_id, seq FROM sync_changes WHERE entity = 'visit' AND entity_id = ANY($1::text[])`,
      [ids],
    );
    const seqOf = new Map(changes.map((c) => [c.entity_id, Number(c.seq)]));
    expect(ids.map((id) => seqOf.get(id))).toEqual(versions);
  });

  it('refuses alone the records the database cannot store in any part of a full batch', async () => {
    const session = await newSession(server(), [BLOIS]);
    const mutations = Array.from({ length: 500 }, () => visitPut(BLOIS));
    const broken = [30, 260, 499];
    for (const at of broken) mutations[at] = visitPut(BLOIS, { notes: 'nul \u0000 collé' });
    const visitsBefore = await count(server().db, 'visits');
    const { results } = await push(server(), session, mutations);

    const refused = results.flatMap((r, at) =>
      r.status === 'rejected'
        ? [[at, r.reason.code]]
        : r.status === 'accepted'
          ? []
          : [[at, r.status]],
    );
    expect(refused).toEqual(broken.map((at) => [at, 'invalid_record']));
    expect(await count(server().db, 'visits')).toBe(visitsBefore + 497);
    const again = await push(server(), session, mutations);
    expect(again.results.filter((r) => r.status === 'duplicate')).toHaveLength(497);
  });

  it('accepts a correction of a visit of its sites only', async () => {
    const blois = await newSession(server(), [BLOIS]);
    const vendome = await newSession(server(), [VENDOME]);
    const elsewhere = visitPut(VENDOME);
    await push(server(), vendome, [elsewhere]);
    const original = visitPut(BLOIS);
    const corrections = [original, elsewhere, { id: uuidv7() }].map((target) => {
      const correction = visitPut(BLOIS);
      (correction.data as Record<string, unknown>).supersedes =
        'entityId' in target ? target.entityId : target.id;
      return correction;
    });
    const { results } = await push(server(), blois, [original, ...corrections]);
    expect(results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
      'accepted',
      'accepted',
      'invalid_record',
      'invalid_record',
    ]);
  });

  it('does not give another agent the answer or receipt of a mutation id it did not send', async () => {
    const owner = await newSession(server(), [BLOIS]);
    const other = await newSession(server(), [BLOIS]);
    const mutations = [visitPut(BLOIS)];
    await push(server(), owner, mutations);
    const { results } = await push(server(), other, mutations);
    expect(results).toEqual([
      {
        id: mutations[0]!.id,
        status: 'rejected',
        reason: { code: 'mutation_id_taken', message: rejectionCodes.mutation_id_taken },
      },
    ]);
  });

  it('answers duplicate with the same receipts when the same batch comes again, and changes nothing', async () => {
    const session = await newSession(server(), [BLOIS]);
    const mutations = [visitPut(BLOIS), visitPut(BLOIS)];
    const first = await push(server(), session, mutations);
    const tables = ['visits', 'sync_changes', 'applied_mutations'];
    const before = await Promise.all(tables.map((t) => count(server().db, t)));

    server().clock.advance(60_000);
    const second = await push(server(), session, mutations);
    expect(second.results).toEqual(
      first.results.map((r) => (r.status === 'accepted' ? { ...r, status: 'duplicate' } : r)),
    );
    expect(await Promise.all(tables.map((t) => count(server().db, t)))).toEqual(before);
  });

  it('applies nine of ten when one has invalid answers, and refuses that one with the failing paths', async () => {
    const session = await newSession(server(), [BLOIS]);
    const mutations = Array.from({ length: 10 }, () => visitPut(BLOIS));
    mutations[4] = visitPut(BLOIS, { personName: '   ', communeInsee: '99999' });
    const visitsBefore = await count(server().db, 'visits');
    const { results } = await push(server(), session, mutations);

    expect(results.map((r) => r.status)).toEqual([
      ...Array(4).fill('accepted'),
      'rejected',
      ...Array(5).fill('accepted'),
    ]);
    const rejected = results[4]!;
    expect(rejected.status === 'rejected' && rejected.reason).toEqual({
      code: 'invalid_record',
      message: rejectionCodes.invalid_record,
      details: [
        { path: 'answers.personName', message: 'Indiquez le nom de la personne.' },
        { path: 'answers.communeInsee', message: 'Choisissez une commune de Loir-et-Cher.' },
      ],
    });
    expect(await count(server().db, 'visits')).toBe(visitsBefore + 9);

    // Processed even though it failed: the same rejection comes back, the nine are duplicates.
    const again = await push(server(), session, mutations);
    expect(again.results[4]).toEqual(rejected);
    expect(again.results.filter((r) => r.status === 'duplicate')).toHaveLength(9);
  });

  it('refuses an unknown entity and an unsupported operation alone', async () => {
    const session = await newSession(server(), [BLOIS]);
    const unknown: Mutation = { ...visitPut(BLOIS), entity: 'licorne' };
    const siteEdit: Mutation = { ...visitPut(BLOIS), entity: 'site' };
    const { results } = await push(server(), session, [
      visitPut(BLOIS),
      unknown,
      siteEdit,
      visitPut(BLOIS),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
      'accepted',
      'unknown_entity',
      'unsupported_op',
      'accepted',
    ]);
    const journal = await server().db.query<{ entity: string }>(
      'SELECT entity FROM applied_mutations WHERE mutation_id = $1',
      [unknown.id],
    );
    expect(journal).toEqual([{ entity: 'licorne' }]);
  });

  it('refuses a visit at a site the agent is not attached to', async () => {
    const session = await newSession(server(), [BLOIS]);
    const { results } = await push(server(), session, [visitPut(MER)]);
    expect(results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'forbidden_site', details: { siteId: MER } },
    });
    const rows = await server().db.query('SELECT 1 FROM visits WHERE site_id = $1', [MER]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a mismatched id, an unknown form and a malformed record', async () => {
    const session = await newSession(server(), [BLOIS]);
    const mismatch: Mutation = { ...visitPut(BLOIS), entityId: uuidv7() };
    const unknownForm = visitPut(BLOIS);
    unknownForm.data = { ...(unknownForm.data as object), formVersion: 99 };
    const malformed = visitPut(BLOIS);
    malformed.data = { id: malformed.entityId, siteId: BLOIS };
    const { results } = await push(server(), session, [mismatch, unknownForm, malformed]);
    expect(results.map((r) => r.status === 'rejected' && r.reason.code)).toEqual([
      'entity_id_mismatch',
      'unknown_form',
      'invalid_record',
    ]);
    const details = results[2]!.status === 'rejected' ? results[2]!.reason.details : undefined;
    expect(details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'formId' })]));
  });

  it('keeps a signed visit immutable: a new put or a delete of it is refused', async () => {
    const session = await newSession(server(), [BLOIS]);
    const original = visitPut(BLOIS);
    await push(server(), session, [original]);
    const rewrite: Mutation = { ...original, id: uuidv7(), baseVersion: 1 };
    const removal: Mutation = { ...original, id: uuidv7(), op: 'delete', data: null };
    const { results } = await push(server(), session, [rewrite, removal]);
    expect(results.map((r) => r.status === 'rejected' && r.reason.code)).toEqual([
      'immutable_record',
      'immutable_record',
    ]);
  });

  it('answers duplicate to a mutation id repeated inside one batch', async () => {
    const session = await newSession(server(), [BLOIS]);
    const mutation = visitPut(BLOIS);
    const { results } = await push(server(), session, [mutation, mutation]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
    expect(results[1]).toEqual({ ...results[0], status: 'duplicate' });
  });

  it('records the token’s agent as author, whatever the data says', async () => {
    const session = await newSession(server(), [BLOIS]);
    const mutation = visitPut(BLOIS);
    mutation.data = { ...(mutation.data as object), authorId: uuidv7(), version: 999 };
    const { results } = await push(server(), session, [mutation]);
    expect(results[0]!.status).toBe('accepted');
    const rows = await server().db.query<{ author_id: string }>(
      'SELECT author_id FROM visits WHERE id = $1',
      [mutation.entityId],
    );
    expect(rows).toEqual([{ author_id: session.agent.id }]);
  });
});
