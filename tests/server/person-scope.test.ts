import { describe, expect, it } from 'vitest';
import { personRecordSchema } from '../../shared/persons/person';
import type { Change } from '../../shared/sync/protocol-v1';
import { uuidv7 } from '../../shared/uuidv7';
import { BLOIS, MER, newSession, push, VENDOME, visitPut } from './support/fixtures';
import { pullAll, personSeenBy } from './support/person-pulls';
import { hlcAt, newPersonPut, personPut, referralPut, scopePut } from './support/persons';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

/** Selective sync of persons (issue 8): who pulls which files and visits, and when they leave. */
describe.each(testDatabases())('selective sync of persons on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  it('never gives an agent the persons of other sites, nor their visits, unless they follow, pin or receive them', async () => {
    const blois = await newSession(server(), [BLOIS]);
    const vendome = await newSession(server(), [VENDOME]);
    const create = newPersonPut(BLOIS, 'Garnier', 'Hugo');
    const visit = visitPut(BLOIS);
    (visit.data as { personId?: string }).personId = create.entityId;
    const results = (await push(server(), blois, [create, visit])).results;
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);

    const before = await pullAll(server(), vendome);
    const about = (changes: Change[]) =>
      changes.filter((c) => c.entityId === create.entityId || c.entityId === visit.entityId);
    expect(about(before.changes)).toEqual([]);
    // Not in their scope: they may not follow it, nor attach a visit to it.
    const foreignVisit = visitPut(VENDOME);
    (foreignVisit.data as { personId?: string }).personId = create.entityId;
    const refused = (
      await push(server(), vendome, [scopePut('follow', create.entityId), foreignVisit])
    ).results;
    expect(refused.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
      'unknown_person',
      'unknown_person',
    ]);

    // A referral to the Vendôme agent brings the file and its history to their next pull.
    const referral = referralPut(create.entityId, BLOIS, {
      kind: 'agent',
      agentId: vendome.agent.id,
    });
    expect((await push(server(), blois, [referral])).results[0]?.status).toBe('accepted');
    const after = await pullAll(server(), vendome, before.cursor);
    expect(new Set(about(after.changes).map((c) => c.entity))).toEqual(
      new Set(['person', 'visit']),
    );
    expect(after.changes.find((c) => c.entityId === referral.entityId)).toMatchObject({
      entity: 'referral',
      op: 'put',
      data: { status: 'envoyee', to: { kind: 'agent', agentId: vendome.agent.id } },
    });
  });

  it('gives a visit to every agent of the MDS of the agent who made it, and to no agent of another MDS without the person', async () => {
    // By decision (docs/SECURITY.md "Who sees what"): a visit is a record of its author's MDS,
    // whose team shares its files, even when the person is another MDS's.
    const vendome = await newSession(server(), [VENDOME]);
    const author = await newSession(server(), [BLOIS]);
    const colleague = await newSession(server(), [BLOIS]);
    const mer = await newSession(server(), [MER]);
    const create = newPersonPut(VENDOME, 'Lambert', 'Rose');
    const referral = referralPut(create.entityId, VENDOME, {
      kind: 'agent',
      agentId: author.agent.id,
    });
    await push(server(), vendome, [create, referral]);
    const visit = visitPut(BLOIS, { notes: 'Dossier CAF commencé' });
    (visit.data as { personId?: string }).personId = create.entityId;
    expect((await push(server(), author, [visit])).results[0]?.status).toBe('accepted');

    const seen = async (session: typeof author) =>
      (await pullAll(server(), session)).changes
        .filter((c) => c.entityId === visit.entityId || c.entityId === create.entityId)
        .map((c) => c.entity)
        .sort();
    expect(await seen(author)).toEqual(['person', 'visit']);
    expect(await seen(colleague)).toEqual(['visit']);
    expect(await seen(vendome)).toEqual(['person', 'visit']);
    expect(await seen(mer)).toEqual([]);
  });

  it('answers each visit of a batch by the scope of its person at that point of the batch', async () => {
    const blois = await newSession(server(), [BLOIS]);
    const mer = await newSession(server(), [MER]);
    const ours = newPersonPut(MER, 'Roux', 'Lina');
    const theirs = newPersonPut(BLOIS, 'Perrin', 'Noé');
    await push(server(), mer, [ours]);
    await push(server(), blois, [theirs]);
    const visitOf = (personId: string) => {
      const visit = visitPut(MER);
      (visit.data as { personId?: string }).personId = personId;
      return visit;
    };
    const codes = async (mutations: ReturnType<typeof visitOf>[]) =>
      (await push(server(), mer, mutations)).results.map((r) =>
        r.status === 'rejected' ? r.reason.code : r.status,
      );

    // Visits only: the scope cannot change within the batch.
    const first = visitOf(ours.entityId);
    expect(
      await codes([
        first,
        visitOf(theirs.entityId),
        visitOf(ours.entityId.toUpperCase()),
        visitOf(uuidv7()),
      ]),
    ).toEqual(['accepted', 'unknown_person', 'accepted', 'unknown_person']);
    // Its write is in the audit log under the person and the site.
    expect(
      await server().db.query(
        "SELECT site_id, person_id FROM audit_log WHERE entity = 'visit' AND entity_id = $1",
        [first.entityId],
      ),
    ).toEqual([{ site_id: MER, person_id: ours.entityId }]);
    // A pin in the batch changes the answer for the visits after it. After the unpin, the
    // tablet may still hold visits typed while the file was there: they are accepted too
    // (person-scope-exit.test.ts).
    expect(
      await codes([
        visitOf(theirs.entityId),
        scopePut('pin', theirs.entityId),
        visitOf(theirs.entityId),
        scopePut('pin', theirs.entityId, 'delete'),
        visitOf(theirs.entityId),
      ]),
    ).toEqual(['unknown_person', 'accepted', 'accepted', 'accepted', 'accepted']);
  });

  it('brings a pinned person, then removes them from the device when unpinned', async () => {
    const blois = await newSession(server(), [BLOIS]);
    const mer = await newSession(server(), [MER]);
    const create = newPersonPut(BLOIS, 'Fontaine', 'Iris');
    await push(server(), blois, [create]);
    const start = await pullAll(server(), mer);
    expect(start.changes.some((c) => c.entityId === create.entityId)).toBe(false);

    expect((await push(server(), mer, [scopePut('pin', create.entityId)])).results[0]?.status).toBe(
      'accepted',
    );
    const pinned = await pullAll(server(), mer, start.cursor);
    const record = pinned.changes.find((c) => c.entityId === create.entityId);
    expect(record?.op === 'put' && personRecordSchema.parse(record.data).pinnedBy).toEqual([
      mer.agent.id,
    ]);

    await push(server(), mer, [scopePut('pin', create.entityId, 'delete')]);
    const unpinned = await pullAll(server(), mer, pinned.cursor);
    expect(unpinned.changes.filter((c) => c.entityId === create.entityId)).toEqual([
      expect.objectContaining({ entity: 'person', op: 'delete' }),
    ]);
    // Later edits by Blois no longer reach Mer.
    await push(server(), blois, [
      personPut(create.entityId, BLOIS, {
        phone: { value: '06', hlc: hlcAt(Date.now() + 5, 'x'), base: null },
      }),
    ]);
    const later = await pullAll(server(), mer, unpinned.cursor);
    expect(later.changes.some((c) => c.entityId === create.entityId)).toBe(false);
    // The Blois agent still holds it: the exit was Mer's alone.
    expect(await personSeenBy(server(), blois, create.entityId)).toBeDefined();
  });

  it('keeps a person of the agent’s own site on their device when they stop following it', async () => {
    const blois = await newSession(server(), [BLOIS]);
    const create = newPersonPut(BLOIS, 'Blanc', 'Jules');
    await push(server(), blois, [create]);
    const start = await pullAll(server(), blois);
    await push(server(), blois, [scopePut('follow', create.entityId, 'delete')]);
    const after = await pullAll(server(), blois, start.cursor);
    const changes = after.changes.filter((c) => c.entityId === create.entityId);
    expect(changes.map((c) => c.op)).toEqual(['put']);
    expect(changes[0]?.op === 'put' && personRecordSchema.parse(changes[0].data).followers).toEqual(
      [],
    );
  });
});
