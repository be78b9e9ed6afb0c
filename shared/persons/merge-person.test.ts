import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc';
import { mergeFieldEdit } from './merge-field';
import { conflictingFields, mergePersonEdits } from './merge-person';

const A = '0190f5c6-0000-7000-8000-00000000000a';
const B = '0190f5c6-0000-7000-8000-00000000000b';
const hlc = (ms: number, node = 'n') => formatHlc({ ms, counter: 0, node });

describe('field by field merge', () => {
  const start = { value: 'Martin', hlc: hlc(1), by: A };

  it('replaces the value by an edit made on it', () => {
    expect(mergeFieldEdit(start, { value: 'Martine', hlc: hlc(2), base: hlc(1) }, B)).toEqual({
      value: 'Martine',
      hlc: hlc(2),
      by: B,
    });
  });

  it('keeps two concurrent edits: the later wins, the other waits in the conflict, in either order', () => {
    const fromA = { value: 'Dupont', hlc: hlc(5, 'a'), base: hlc(1) };
    const fromB = { value: 'Durand', hlc: hlc(3, 'b'), base: hlc(1) };
    const ab = mergeFieldEdit(mergeFieldEdit(start, fromA, A), fromB, B);
    const ba = mergeFieldEdit(mergeFieldEdit(start, fromB, B), fromA, A);
    expect(ab).toEqual(ba);
    expect(ab).toEqual({
      value: 'Dupont',
      hlc: hlc(5, 'a'),
      by: A,
      conflicts: [{ value: 'Durand', hlc: hlc(3, 'b'), by: B }],
    });
  });

  it('raises no conflict when concurrent edits typed the same value', () => {
    const merged = mergeFieldEdit(
      mergeFieldEdit(start, { value: 'Dupont', hlc: hlc(5), base: hlc(1) }, A),
      { value: 'Dupont', hlc: hlc(4), base: hlc(1) },
      B,
    );
    expect(merged.conflicts).toBeUndefined();
  });

  it('clears only the conflicting values the agent chose against', () => {
    const conflicted = {
      value: 'Dupont',
      hlc: hlc(5),
      by: A,
      conflicts: [{ value: 'Durand', hlc: hlc(3), by: B }],
    };
    const blind = mergeFieldEdit(conflicted, { value: 'Dupond', hlc: hlc(6), base: hlc(5) }, A);
    expect(blind.conflicts).toHaveLength(1);
    const chosen = mergeFieldEdit(
      conflicted,
      { value: 'Durand', hlc: hlc(6), base: hlc(5), resolves: [hlc(3)] },
      A,
    );
    expect(chosen).toEqual({ value: 'Durand', hlc: hlc(6), by: A });
  });

  it('keeps, as a conflict, an edit made on the value but stamped before it (a reset clock)', () => {
    const merged = mergeFieldEdit(
      { value: 'Martin', hlc: hlc(5), by: A },
      { value: 'Martine', hlc: hlc(4), base: hlc(5) },
      B,
    );
    expect(merged).toEqual({
      value: 'Martin',
      hlc: hlc(5),
      by: A,
      conflicts: [{ value: 'Martine', hlc: hlc(4), by: B }],
    });
  });

  it('ignores an edit it already merged', () => {
    const once = mergeFieldEdit(start, { value: 'X', hlc: hlc(9), base: null }, A);
    expect(mergeFieldEdit(once, { value: 'X', hlc: hlc(9), base: null }, A)).toBe(once);
  });

  it('merges each field of a record on its own and lists the fields in conflict', () => {
    const fields = mergePersonEdits(
      { lastName: start, phone: { value: '01', hlc: hlc(1), by: A } },
      {
        phone: { value: '02', hlc: hlc(2), base: null },
        address: { value: 'Blois', hlc: hlc(2), base: null },
      },
      B,
    );
    expect(fields.lastName).toBe(start);
    expect(fields.address?.value).toBe('Blois');
    expect(conflictingFields(fields)).toEqual(['phone']);
  });
});
