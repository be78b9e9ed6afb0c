import { describe, expect, it } from 'vitest';
import { personRecordSchema, type PersonRecord } from '../../shared/persons/person';
import type { Change } from '../../shared/sync/protocol-v1';
import { uuidv7 } from '../../shared/uuidv7';
import {
  BLOIS,
  MER,
  newSession,
  pull,
  push,
  type TestSession,
  VENDOME,
  visitPut,
} from './support/fixtures';
import { hlcAt, newPersonPut, personPut, referralPut, scopePut } from './support/persons';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { type TestServer, useTestServer } from './support/test-server';

const HOUR_MS = 60 * 60 * 1000;

async function pullAll(server: TestServer, session: TestSession, cursor?: string) {
  const changes: Change[] = [];
  let query = cursor;
  for (;;) {
    const page = await pull(server, session.token, `?limit=1000${query ? `&cursor=${query}` : ''}`);
    changes.push(...page.changes);
    query = page.cursor;
    if (!page.hasMore) return { changes, cursor: page.cursor };
  }
}

/** The person as the agent's device would hold it after pulling everything, or undefined. */
async function personSeenBy(server: TestServer, session: TestSession, id: string) {
  const { changes } = await pullAll(server, session);
  const last = changes.filter((c) => c.entity === 'person' && c.entityId === id).at(-1);
  return last?.op === 'put' ? personRecordSchema.parse(last.data) : undefined;
}

function value(record: PersonRecord | undefined, name: 'lastName' | 'phone' | 'address') {
  return record?.fields[name]?.value;
}

describe.each(testDatabases())('person files on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  it('creates a file with a receipt, its creator following it, pulled by the agents of its site', async () => {
    const author = await newSession(server(), [BLOIS]);
    const colleague = await newSession(server(), [BLOIS]);
    const create = newPersonPut(BLOIS, 'Lefèvre', 'Zoé');
    const [result] = (await push(server(), author, [create])).results;
    expect(result).toMatchObject({
      status: 'accepted',
      receipt: { number: expect.stringMatching(/^\d{4}-\d{6}$/) },
    });
    const record = await personSeenBy(server(), colleague, create.entityId);
    expect(record).toMatchObject({
      siteId: BLOIS,
      createdBy: author.agent.id,
      followers: [{ agentId: author.agent.id }],
      fields: { lastName: { value: 'Lefèvre', by: author.agent.id } },
    });
  });

  it('refuses a creation without a last name, at a site of another MDS, or with a bad value', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const id = uuidv7();
    const now = Date.now();
    const results = (
      await push(server(), agent, [
        personPut(id, BLOIS, { firstName: { value: 'Zoé', hlc: hlcAt(now, 'n'), base: null } }),
        newPersonPut(MER, 'Martin', 'Paul'),
        personPut(uuidv7(), BLOIS, {
          lastName: { value: 'Martin', hlc: hlcAt(now, 'n'), base: null },
          firstName: { value: 'Paul', hlc: hlcAt(now, 'n'), base: null },
          communeInsee: { value: 'Blois', hlc: hlcAt(now, 'n'), base: null },
        }),
      ])
    ).results;
    expect(results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
      'invalid_record',
      'forbidden_site',
      'invalid_record',
    ]);
  });

  it('merges offline edits of different fields by two agents: both kept', async () => {
    const a = await newSession(server(), [BLOIS]);
    const b = await newSession(server(), [BLOIS]);
    const t0 = Date.now();
    const create = newPersonPut(BLOIS, 'Martin', 'Paul', t0, 'dev-a');
    await push(server(), a, [create]);
    const base = (await personSeenBy(server(), b, create.entityId))!;
    await push(server(), a, [
      personPut(create.entityId, BLOIS, {
        phone: { value: '06 11 22 33 44', hlc: hlcAt(t0 + 1000, 'dev-a'), base: null },
      }),
    ]);
    await push(server(), b, [
      personPut(create.entityId, BLOIS, {
        lastName: {
          value: 'Martin-Durand',
          hlc: hlcAt(t0 + 500, 'dev-b'),
          base: base.fields.lastName!.hlc,
        },
      }),
    ]);
    const merged = await personSeenBy(server(), a, create.entityId);
    expect(value(merged, 'phone')).toBe('06 11 22 33 44');
    expect(value(merged, 'lastName')).toBe('Martin-Durand');
    expect(merged?.fields.lastName?.conflicts).toBeUndefined();
  });

  it('keeps concurrent edits of one field as a conflict, whatever the order they arrive in, until an agent chooses', async () => {
    const a = await newSession(server(), [BLOIS]);
    const b = await newSession(server(), [BLOIS]);
    const t0 = Date.now();
    const create = newPersonPut(BLOIS, 'Roux', 'Anne', t0, 'dev-a');
    await push(server(), a, [create]);
    // B's tablet clock is three hours behind: its edit, made later, carries an earlier HLC.
    const fromA = personPut(create.entityId, BLOIS, {
      address: { value: '3 rue des Lices', hlc: hlcAt(t0 + 60_000, 'dev-a'), base: null },
    });
    const fromB = personPut(create.entityId, BLOIS, {
      address: {
        value: '12 place Louis XII',
        hlc: hlcAt(t0 + 120_000 - 3 * HOUR_MS, 'dev-b'),
        base: null,
      },
    });
    await push(server(), b, [fromB]);
    await push(server(), a, [fromA]);
    const seen = (await personSeenBy(server(), b, create.entityId))!;
    expect(seen.fields.address).toMatchObject({
      value: '3 rue des Lices',
      conflicts: [{ value: '12 place Louis XII', by: b.agent.id }],
    });

    // B chooses its own value, having seen the conflict: resolved for everyone.
    const choice = personPut(create.entityId, BLOIS, {
      address: {
        value: '12 place Louis XII',
        hlc: hlcAt(t0 + 60_001, 'dev-b'),
        base: seen.fields.address!.hlc,
        resolves: seen.fields.address!.conflicts!.map((c) => c.hlc),
      },
    });
    expect((await push(server(), b, [choice])).results[0]?.status).toBe('accepted');
    const resolved = await personSeenBy(server(), a, create.entityId);
    expect(resolved?.fields.address).toEqual({
      value: '12 place Louis XII',
      hlc: hlcAt(t0 + 60_001, 'dev-b'),
      by: b.agent.id,
    });
  });

  it('lets an edit made after seeing another win, though the editing tablet’s clock is hours behind', async () => {
    const a = await newSession(server(), [BLOIS]);
    const b = await newSession(server(), [BLOIS]);
    const t0 = Date.now();
    // A's tablet is four hours ahead.
    const create = newPersonPut(BLOIS, 'Petit', 'Louis', t0 + 4 * HOUR_MS, 'dev-a');
    await push(server(), a, [create]);
    const seen = (await personSeenBy(server(), b, create.entityId))!;
    // B has received A's HLC, so its clock runs past it (shared/persons/hlc.ts receiveHlc).
    const after = hlcAt(t0 + 4 * HOUR_MS, 'dev-b', 1);
    await push(server(), b, [
      personPut(create.entityId, BLOIS, {
        lastName: { value: 'Petit-Jean', hlc: after, base: seen.fields.lastName!.hlc },
      }),
    ]);
    const merged = await personSeenBy(server(), a, create.entityId);
    expect(merged?.fields.lastName).toEqual({ value: 'Petit-Jean', hlc: after, by: b.agent.id });
  });

  it('finds the files of any MDS with the same name, accents and case aside, and logs each as read', async () => {
    const vendome = await newSession(server(), [VENDOME]);
    const blois = await newSession(server(), [BLOIS]);
    const create = newPersonPut(VENDOME, 'Noël-Lefèbvre', 'Zoé');
    const t = Date.now();
    (create.data as { edits: Record<string, unknown> }).edits.birthDate = {
      value: '1950-03-02',
      hlc: hlcAt(t, 'n'),
      base: null,
    };
    await push(server(), vendome, [create]);
    const search = async (query: string) => {
      const response = await server().app.request(`/api/v1/persons/duplicates?${query}`, {
        headers: { authorization: `Bearer ${blois.token}` },
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { matches: { id: string }[] }).matches.map((m) => m.id);
    };
    expect(await search('lastName=NOEL%20LEFEBVRE&firstName=zoe')).toEqual([create.entityId]);
    expect(await search('lastName=noel-lefebvre&firstName=Zoe&birthDate=1950-03-02')).toEqual([
      create.entityId,
    ]);
    expect(await search('lastName=noel-lefebvre&firstName=Zoe&birthDate=1951-03-02')).toEqual([]);
    const audit = await server().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log
       WHERE agent_id = $1 AND entity_id = $2 AND action = 'read' AND via = 'GET /api/v1/persons/duplicates'`,
      [blois.agent.id, create.entityId],
    );
    expect(audit[0]!.n).toBe(2);
  });

  it('answers duplicate to a replayed edit and merges it once', async () => {
    const a = await newSession(server(), [BLOIS]);
    const create = newPersonPut(BLOIS, 'Bernard', 'Léa');
    await push(server(), a, [create]);
    const edit = personPut(create.entityId, BLOIS, {
      phone: { value: '02 54 00 00 00', hlc: hlcAt(Date.now() + 10, 'dev-a'), base: null },
    });
    await push(server(), a, [edit]);
    const [again] = (await push(server(), a, [edit])).results;
    expect(again?.status).toBe('duplicate');
  });
});

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
    // A pin and an unpin in the same batch change the answer for the visits after them.
    expect(
      await codes([
        visitOf(theirs.entityId),
        scopePut('pin', theirs.entityId),
        visitOf(theirs.entityId),
        scopePut('pin', theirs.entityId, 'delete'),
        visitOf(theirs.entityId),
      ]),
    ).toEqual(['unknown_person', 'accepted', 'accepted', 'accepted', 'unknown_person']);
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
