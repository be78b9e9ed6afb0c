import { z } from 'zod';
import { isoDateSchema, uuidSchema } from '../schemas/common';
import { compareHlc } from './hlc';
import { mergeFieldEdit } from './merge-field';
import {
  type FieldEdit,
  fieldEditSchema,
  type FieldState,
  fieldStateSchema,
} from './person-fields';

/**
 * The household of a person file, merged member by member: each member has a stable id and
 * each of their fields its own HLC, merged like the file's fields (shared/persons/merge-field.ts).
 * Two agents adding different members offline both keep theirs; two concurrent edits of the
 * same member's same field become a conflict an agent chooses. A removal is the `removed` field
 * set to true: a tombstone that wins over a device that did not touch the member. A device that
 * edits a member also sends `removed: false` on the removal it saw, so an edit concurrent with a
 * removal is a conflict too, not an edit lost in a member nobody sees.
 */
export const householdLinks = [
  'conjoint',
  'enfant',
  'parent',
  'grand_parent',
  'petit_enfant',
  'fratrie',
  'autre',
] as const;
export type HouseholdLink = (typeof householdLinks)[number];
export const householdLinkLabels: Record<HouseholdLink, string> = {
  conjoint: 'Conjoint·e',
  enfant: 'Enfant',
  parent: 'Parent',
  grand_parent: 'Grand-parent',
  petit_enfant: 'Petit-enfant',
  fratrie: 'Frère ou sœur',
  autre: 'Autre lien',
};

/** Most members a household holds (a longer list is a typing loop, not a family). */
export const MAX_HOUSEHOLD_MEMBERS = 30;

export const memberFieldSchemas = {
  name: z.string().trim().min(1, 'Indiquez le nom du membre du foyer.').max(200),
  link: z.enum(householdLinks),
  birthDate: isoDateSchema.nullable(),
  /** The member's own file, when they have one. */
  personId: uuidSchema.nullable(),
  removed: z.boolean(),
} as const;
export type MemberFieldName = keyof typeof memberFieldSchemas;
export const memberFieldNames = Object.keys(memberFieldSchemas) as MemberFieldName[];
export type MemberValues = { [K in MemberFieldName]: z.infer<(typeof memberFieldSchemas)[K]> };

export const memberFieldLabels: Record<MemberFieldName, string> = {
  name: 'Nom',
  link: 'Lien',
  birthDate: 'Date de naissance',
  personId: 'Fiche liée',
  removed: 'Présence dans le foyer',
};

const memberStateSchema = z.object(
  Object.fromEntries(memberFieldNames.map((name) => [name, fieldStateSchema.optional()])) as Record<
    MemberFieldName,
    z.ZodOptional<typeof fieldStateSchema>
  >,
);
export type MemberState = z.infer<typeof memberStateSchema>;

/** Members by id. Reads also accept the older shape (the whole list as one field). */
export const householdStateSchema = z.preprocess(
  fromListField,
  z.record(uuidSchema, memberStateSchema),
);
export type HouseholdState = Record<string, MemberState>;

export const memberEditsSchema = z.strictObject(
  Object.fromEntries(memberFieldNames.map((name) => [name, fieldEditSchema.optional()])) as Record<
    MemberFieldName,
    z.ZodOptional<typeof fieldEditSchema>
  >,
);
export type MemberEdits = z.infer<typeof memberEditsSchema>;

export const householdEditsSchema = z
  .record(uuidSchema, memberEditsSchema)
  .refine((edits) => Object.keys(edits).length <= MAX_HOUSEHOLD_MEMBERS, {
    error: `Au plus ${MAX_HOUSEHOLD_MEMBERS} membres du foyer.`,
  });
export type HouseholdEdits = z.infer<typeof householdEditsSchema>;

/** A member as the file shows them: the winning value of each field. */
export interface HouseholdMember {
  id: string;
  name: string;
  link: HouseholdLink;
  birthDate: string | null;
  personId: string | null;
}

/** Applies a push's member edits (a copy; the input is left as it was). */
export function mergeHouseholdEdits(
  state: HouseholdState,
  edits: HouseholdEdits,
  by: string,
): HouseholdState {
  const merged: HouseholdState = { ...state };
  for (const [memberId, memberEdits] of Object.entries(edits)) {
    const member: MemberState = { ...merged[memberId] };
    for (const name of memberFieldNames) {
      const edit = memberEdits[name];
      if (edit !== undefined) member[name] = mergeFieldEdit(member[name], edit, by);
    }
    merged[memberId] = member;
  }
  return merged;
}

/** The members present (not removed), oldest first (ids are UUIDv7). */
export function householdMembers(state: HouseholdState | undefined): HouseholdMember[] {
  return Object.entries(state ?? {})
    .flatMap(([id, member]) => {
      const name = memberFieldSchemas.name.safeParse(member.name?.value);
      const link = memberFieldSchemas.link.safeParse(member.link?.value);
      if (member.removed?.value === true || !name.success || !link.success) return [];
      const birthDate = memberFieldSchemas.birthDate.safeParse(member.birthDate?.value ?? null);
      const personId = memberFieldSchemas.personId.safeParse(member.personId?.value ?? null);
      return [
        {
          id,
          name: name.data,
          link: link.data,
          birthDate: birthDate.success ? birthDate.data : null,
          personId: personId.success ? personId.data : null,
        },
      ];
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Member fields holding values an agent must choose between. */
export function householdConflicts(
  state: HouseholdState | undefined,
): { memberId: string; field: MemberFieldName; state: FieldState }[] {
  return Object.entries(state ?? {}).flatMap(([memberId, member]) =>
    memberFieldNames.flatMap((field) => {
      const fieldState = member[field];
      return fieldState?.conflicts?.length ? [{ memberId, field, state: fieldState }] : [];
    }),
  );
}

/**
 * Why a merged household may not be kept: a member first seen without a name or a link, or
 * more members than a household holds. Checked on the server after the merge, and on the
 * tablet before saving, with the same function.
 */
export function householdIssues(
  merged: HouseholdState,
  edited: readonly string[],
): { path: string; message: string }[] {
  const issues = edited.flatMap((memberId) => {
    const member = merged[memberId];
    return (['name', 'link'] as const)
      .filter((name) => member?.[name] === undefined)
      .map((name) => ({
        path: `household.${memberId}.${name}`,
        message: 'Un nouveau membre du foyer a un nom et un lien.',
      }));
  });
  if (householdMembers(merged).length > MAX_HOUSEHOLD_MEMBERS)
    issues.push({
      path: 'household',
      message: `Au plus ${MAX_HOUSEHOLD_MEMBERS} membres du foyer.`,
    });
  return issues;
}

/** Checks each edited value against its member field's schema. */
export function memberEditIssues(edits: HouseholdEdits): { path: string; message: string }[] {
  return Object.entries(edits).flatMap(([memberId, memberEdits]) =>
    (Object.entries(memberEdits) as [MemberFieldName, FieldEdit | undefined][]).flatMap(
      ([name, edit]) => {
        if (edit === undefined) return [];
        const result = memberFieldSchemas[name].safeParse(edit.value);
        return result.success
          ? []
          : result.error.issues.map((issue) => ({
              path: `household.${memberId}.${name}.value`,
              message: issue.message,
            }));
      },
    ),
  );
}

/**
 * The older shape kept the whole list as one field (`{ value: [members], hlc, by, conflicts }`):
 * each member of the winning list and of the concurrent lists becomes per-member fields stamped
 * with their list's HLC, merged as concurrent edits, so a member only one list had is kept.
 */
function fromListField(raw: unknown): unknown {
  const field = fieldStateSchema.safeParse(raw);
  if (!field.success || !Array.isArray(field.data.value)) return raw;
  const writes = [field.data, ...(field.data.conflicts ?? [])].sort((a, b) =>
    compareHlc(a.hlc, b.hlc),
  );
  let state: HouseholdState = {};
  for (const write of writes) {
    const members = z.array(z.object({ id: uuidSchema }).loose()).safeParse(write.value);
    if (!members.success) continue;
    const edits: HouseholdEdits = {};
    for (const member of members.data) {
      const memberEdits: MemberEdits = {};
      for (const name of memberFieldNames) {
        const value = name === 'removed' ? undefined : (member as Record<string, unknown>)[name];
        if (value !== undefined) memberEdits[name] = { value, hlc: write.hlc, base: null };
      }
      edits[member.id] = memberEdits;
    }
    state = mergeHouseholdEdits(state, edits, write.by);
  }
  return state;
}
