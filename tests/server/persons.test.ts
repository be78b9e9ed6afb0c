import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuidv7';
import { BLOIS, MER, newSession, push, VENDOME } from './support/fixtures';
import { personSeenBy, value } from './support/person-pulls';
import { hlcAt, newPersonPut, personPut } from './support/persons';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

const HOUR_MS = 60 * 60 * 1000;

/** Person files (issue 8): creation, field-by-field merge of offline edits, duplicates. */
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

  it('finds the files of any MDS with the same name, accents and case aside, tells a birth date only to who gave it, and logs each as read', async () => {
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
      return (
        (await response.json()) as { matches: { id: string; birthDate: string | null }[] }
      ).matches.map(({ id, birthDate }) => ({ id, birthDate }));
    };
    // A name alone does not reveal the birth date of a file of another MDS.
    expect(await search('lastName=NOEL%20LEFEBVRE&firstName=zoe')).toEqual([
      { id: create.entityId, birthDate: null },
    ]);
    expect(await search('lastName=noel-lefebvre&firstName=Zoe&birthDate=1950-03-02')).toEqual([
      { id: create.entityId, birthDate: '1950-03-02' },
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
