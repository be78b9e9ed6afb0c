import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc';
import {
  type HouseholdEdits,
  householdConflicts,
  householdIssues,
  householdMembers,
  type HouseholdState,
  householdStateSchema,
  mergeHouseholdEdits,
} from './household';

const A = '0190f5c6-0000-7000-8000-00000000000a';
const B = '0190f5c6-0000-7000-8000-00000000000b';
const HENRI = '0190f5c6-0000-7000-8000-000000000101';
const ZOE = '0190f5c6-0000-7000-8000-000000000102';
const LEO = '0190f5c6-0000-7000-8000-000000000103';
const hlc = (ms: number, node = 'n') => formatHlc({ ms, counter: 0, node });

/** A household with Henri, the spouse, added at 1 by A. */
const start: HouseholdState = mergeHouseholdEdits(
  {},
  {
    [HENRI]: {
      name: { value: 'Henri Moreau', hlc: hlc(1), base: null },
      link: { value: 'conjoint', hlc: hlc(1), base: null },
    },
  },
  A,
);

function both(first: [HouseholdEdits, string], second: [HouseholdEdits, string]) {
  const ab = mergeHouseholdEdits(mergeHouseholdEdits(start, ...first), ...second);
  const ba = mergeHouseholdEdits(mergeHouseholdEdits(start, ...second), ...first);
  expect(ab).toEqual(ba);
  return ab;
}

describe('household merge, member by member', () => {
  it('keeps both members when two devices add different ones offline, in either order', () => {
    const merged = both(
      [
        {
          [ZOE]: {
            name: { value: 'Zoé Moreau', hlc: hlc(5, 'a'), base: null },
            link: { value: 'petit_enfant', hlc: hlc(5, 'a'), base: null },
            birthDate: { value: '2019-04-02', hlc: hlc(5, 'a'), base: null },
          },
        },
        A,
      ],
      [
        {
          [LEO]: {
            name: { value: 'Léo Moreau', hlc: hlc(3, 'b'), base: null },
            link: { value: 'enfant', hlc: hlc(3, 'b'), base: null },
            personId: {
              value: '0190f5c6-0000-7000-8000-0000000000f1',
              hlc: hlc(3, 'b'),
              base: null,
            },
          },
        },
        B,
      ],
    );
    expect(householdMembers(merged).map((m) => [m.name, m.link, m.birthDate, m.personId])).toEqual([
      ['Henri Moreau', 'conjoint', null, null],
      ['Zoé Moreau', 'petit_enfant', '2019-04-02', null],
      ['Léo Moreau', 'enfant', null, '0190f5c6-0000-7000-8000-0000000000f1'],
    ]);
    expect(householdConflicts(merged)).toEqual([]);
  });

  it('keeps two concurrent edits of the same member field as a conflict, until an agent chooses', () => {
    const merged = both(
      [{ [HENRI]: { link: { value: 'autre', hlc: hlc(5, 'a'), base: hlc(1) } } }, A],
      [{ [HENRI]: { link: { value: 'parent', hlc: hlc(4, 'b'), base: hlc(1) } } }, B],
    );
    expect(householdConflicts(merged)).toEqual([
      {
        memberId: HENRI,
        field: 'link',
        state: {
          value: 'autre',
          hlc: hlc(5, 'a'),
          by: A,
          conflicts: [{ value: 'parent', hlc: hlc(4, 'b'), by: B }],
        },
      },
    ]);
    const chosen = mergeHouseholdEdits(
      merged,
      {
        [HENRI]: {
          link: { value: 'parent', hlc: hlc(6, 'a'), base: hlc(5, 'a'), resolves: [hlc(4, 'b')] },
        },
      },
      A,
    );
    expect(householdConflicts(chosen)).toEqual([]);
    expect(householdMembers(chosen)[0]?.link).toBe('parent');
  });

  it('merges edits of different fields of one member without a conflict', () => {
    const merged = both(
      [{ [HENRI]: { birthDate: { value: '1941-01-09', hlc: hlc(5, 'a'), base: null } } }, A],
      [{ [HENRI]: { name: { value: 'Henri Moreau-Petit', hlc: hlc(4, 'b'), base: hlc(1) } } }, B],
    );
    expect(householdMembers(merged)).toMatchObject([
      { name: 'Henri Moreau-Petit', birthDate: '1941-01-09' },
    ]);
    expect(householdConflicts(merged)).toEqual([]);
  });

  it('removes a member with a tombstone that wins over a device that did not touch them', () => {
    const merged = both(
      [{ [HENRI]: { removed: { value: true, hlc: hlc(3, 'a'), base: null } } }, A],
      [
        {
          [ZOE]: {
            name: { value: 'Zoé Moreau', hlc: hlc(5, 'b'), base: null },
            link: { value: 'petit_enfant', hlc: hlc(5, 'b'), base: null },
          },
        },
        B,
      ],
    );
    expect(householdMembers(merged).map((m) => m.name)).toEqual(['Zoé Moreau']);
    expect(merged[HENRI]?.name?.value).toBe('Henri Moreau');
    expect(householdConflicts(merged)).toEqual([]);
  });

  it('makes a removal concurrent with an edit of the same member a conflict, not a lost edit', () => {
    const merged = both(
      [{ [HENRI]: { removed: { value: true, hlc: hlc(5, 'a'), base: null } } }, A],
      [
        {
          [HENRI]: {
            birthDate: { value: '1941-01-09', hlc: hlc(4, 'b'), base: null },
            removed: { value: false, hlc: hlc(4, 'b'), base: null },
          },
        },
        B,
      ],
    );
    expect(householdMembers(merged)).toEqual([]);
    expect(householdConflicts(merged)).toMatchObject([
      { memberId: HENRI, field: 'removed', state: { value: true, conflicts: [{ value: false }] } },
    ]);
  });

  it('refuses a member first seen without a name or link', () => {
    const merged = mergeHouseholdEdits(
      start,
      { [LEO]: { birthDate: { value: '2020-01-01', hlc: hlc(2), base: null } } },
      A,
    );
    expect(householdIssues(merged, [LEO]).map((i) => i.path)).toEqual([
      `household.${LEO}.name`,
      `household.${LEO}.link`,
    ]);
    expect(householdIssues(start, [HENRI])).toEqual([]);
  });

  it('reads a household saved as one list, keeping the members of concurrent lists', () => {
    const state = householdStateSchema.parse({
      value: [{ id: HENRI, name: 'Henri Moreau', link: 'conjoint' }],
      hlc: hlc(5, 'a'),
      by: A,
      conflicts: [
        {
          value: [
            { id: HENRI, name: 'Henri Moreau', link: 'conjoint' },
            { id: ZOE, name: 'Zoé Moreau', link: 'petit_enfant', birthDate: '2019-04-02' },
          ],
          hlc: hlc(4, 'b'),
          by: B,
        },
      ],
    });
    expect(householdMembers(state as HouseholdState)).toMatchObject([
      { id: HENRI, name: 'Henri Moreau', link: 'conjoint' },
      { id: ZOE, name: 'Zoé Moreau', birthDate: '2019-04-02' },
    ]);
    expect(householdConflicts(state as HouseholdState)).toEqual([]);
  });
});
