import { describe, expect, it } from 'vitest';
import { householdConflicts, householdMembers } from '../../shared/persons/household';
import { uuidv7 } from '../../shared/uuidv7';
import { BLOIS, newSession, push } from './support/fixtures';
import { personSeenBy } from './support/person-pulls';
import { hlcAt, householdPut, newPersonPut } from './support/persons';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

const HOUR_MS = 60 * 60 * 1000;

/** Household members merged one by one through push and pull (issue 8). */
describe.each(testDatabases())('household members on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  async function twoAgentsOnAFile() {
    const a = await newSession(server(), [BLOIS]);
    const b = await newSession(server(), [BLOIS]);
    const t0 = Date.now();
    const create = newPersonPut(BLOIS, 'Moreau', 'Jeanne', t0, 'dev-a');
    const henri = uuidv7();
    await push(server(), a, [
      create,
      householdPut(create.entityId, BLOIS, {
        [henri]: {
          name: { value: 'Henri Moreau', hlc: hlcAt(t0 + 1, 'dev-a'), base: null },
          link: { value: 'conjoint', hlc: hlcAt(t0 + 1, 'dev-a'), base: null },
        },
      }),
    ]);
    return { a, b, t0, personId: create.entityId, henri };
  }

  it('keeps the members two agents added offline, the second tablet hours behind', async () => {
    const { a, b, t0, personId } = await twoAgentsOnAFile();
    const zoe = uuidv7();
    const leo = uuidv7();
    const results = [
      ...(
        await push(server(), a, [
          householdPut(personId, BLOIS, {
            [zoe]: {
              name: { value: 'Zoé Moreau', hlc: hlcAt(t0 + 5000, 'dev-a'), base: null },
              link: { value: 'petit_enfant', hlc: hlcAt(t0 + 5000, 'dev-a'), base: null },
              birthDate: { value: '2019-04-02', hlc: hlcAt(t0 + 5000, 'dev-a'), base: null },
            },
          }),
        ])
      ).results,
      ...(
        await push(server(), b, [
          householdPut(personId, BLOIS, {
            [leo]: {
              name: { value: 'Léo Moreau', hlc: hlcAt(t0 - 3 * HOUR_MS, 'dev-b'), base: null },
              link: { value: 'enfant', hlc: hlcAt(t0 - 3 * HOUR_MS, 'dev-b'), base: null },
            },
          }),
        ])
      ).results,
    ];
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const merged = await personSeenBy(server(), b, personId);
    expect(householdMembers(merged?.fields.household).map((m) => m.name)).toEqual([
      'Henri Moreau',
      'Zoé Moreau',
      'Léo Moreau',
    ]);
    expect(householdConflicts(merged?.fields.household)).toEqual([]);
  });

  it('keeps concurrent edits of one member field as a conflict until an agent chooses', async () => {
    const { a, b, t0, personId, henri } = await twoAgentsOnAFile();
    const seen = (await personSeenBy(server(), b, personId))!.fields.household![henri]!.link!.hlc;
    await push(server(), a, [
      householdPut(personId, BLOIS, {
        [henri]: { link: { value: 'autre', hlc: hlcAt(t0 + 9000, 'dev-a'), base: seen } },
      }),
    ]);
    await push(server(), b, [
      householdPut(personId, BLOIS, {
        [henri]: { link: { value: 'parent', hlc: hlcAt(t0 + 8000, 'dev-b'), base: seen } },
      }),
    ]);
    const conflicted = (await personSeenBy(server(), a, personId))!.fields.household!;
    expect(householdConflicts(conflicted)).toMatchObject([
      {
        memberId: henri,
        field: 'link',
        state: { value: 'autre', conflicts: [{ value: 'parent' }] },
      },
    ]);
    const state = conflicted[henri]!.link!;
    await push(server(), b, [
      householdPut(personId, BLOIS, {
        [henri]: {
          link: {
            value: 'parent',
            hlc: hlcAt(t0 + 10_000, 'dev-b'),
            base: state.hlc,
            resolves: state.conflicts!.map((c) => c.hlc),
          },
        },
      }),
    ]);
    const settled = (await personSeenBy(server(), a, personId))!.fields.household!;
    expect(householdConflicts(settled)).toEqual([]);
    expect(householdMembers(settled)[0]?.link).toBe('parent');
  });

  it('removes a member for every device, and refuses a new member without a link', async () => {
    const { a, b, t0, personId, henri } = await twoAgentsOnAFile();
    const results = (
      await push(server(), b, [
        householdPut(personId, BLOIS, {
          [henri]: { removed: { value: true, hlc: hlcAt(t0 + 2000, 'dev-b'), base: null } },
        }),
        householdPut(personId, BLOIS, {
          [uuidv7()]: { name: { value: 'Sans lien', hlc: hlcAt(t0 + 3000, 'dev-b'), base: null } },
        }),
        householdPut(personId, BLOIS, {
          [uuidv7()]: {
            name: { value: 'Paul', hlc: hlcAt(t0 + 3000, 'dev-b'), base: null },
            link: { value: 'cousin', hlc: hlcAt(t0 + 3000, 'dev-b'), base: null },
          },
        }),
      ])
    ).results;
    expect(results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
      'accepted',
      'invalid_record',
      'invalid_record',
    ]);
    const seenByA = await personSeenBy(server(), a, personId);
    expect(householdMembers(seenByA?.fields.household)).toEqual([]);
    expect(seenByA?.fields.household?.[henri]?.removed?.value).toBe(true);
  });

  it('reads a file saved with its household as one list and merges members into it', async () => {
    const { a, t0, personId, henri } = await twoAgentsOnAFile();
    const zoe = uuidv7();
    await server().db.query(
      `UPDATE persons SET fields = jsonb_set(fields, '{household}', $2::jsonb) WHERE id = $1`,
      [
        personId,
        JSON.stringify({
          value: [{ id: henri, name: 'Henri Moreau', link: 'conjoint' }],
          hlc: hlcAt(t0 + 1, 'dev-a'),
          by: a.agent.id,
        }),
      ],
    );
    await push(server(), a, [
      householdPut(personId, BLOIS, {
        [zoe]: {
          name: { value: 'Zoé Moreau', hlc: hlcAt(t0 + 5000, 'dev-a'), base: null },
          link: { value: 'petit_enfant', hlc: hlcAt(t0 + 5000, 'dev-a'), base: null },
        },
      }),
    ]);
    const merged = await personSeenBy(server(), a, personId);
    expect(householdMembers(merged?.fields.household).map((m) => m.name)).toEqual([
      'Henri Moreau',
      'Zoé Moreau',
    ]);
  });
});
