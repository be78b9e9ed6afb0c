import { mergeHouseholdEdits } from './household';
import { mergeFieldEdit } from './merge-field';
import type { PersonEdit, PersonFieldStates } from './person';
import { type FieldWrite, personFieldNames, type PersonFieldName } from './person-fields';

/**
 * Applies every edit of a push to a record's fields (a copy; the input is left as it was):
 * each field on its own (merge-field.ts), and the household member by member (household.ts).
 */
export function mergePersonEdits(
  fields: PersonFieldStates,
  edits: PersonEdit['edits'],
  by: string,
): PersonFieldStates {
  const merged: PersonFieldStates = { ...fields };
  for (const name of personFieldNames) {
    const edit = edits[name];
    if (edit !== undefined) merged[name] = mergeFieldEdit(fields[name], edit, by);
  }
  if (edits.household !== undefined)
    merged.household = mergeHouseholdEdits(fields.household ?? {}, edits.household, by);
  return merged;
}

/** Fields holding values an agent must choose between (household members aside). */
export function conflictingFields(fields: PersonFieldStates): PersonFieldName[] {
  return personFieldNames.filter((name) => (fields[name]?.conflicts?.length ?? 0) > 0);
}

/** Every value a record holds, winning or in conflict, household members included. */
export function allWrites(fields: PersonFieldStates): FieldWrite[] {
  const states = [
    ...personFieldNames.map((name) => fields[name]),
    ...Object.values(fields.household ?? {}).flatMap((member) => Object.values(member)),
  ];
  return states.flatMap((state) => (state ? [state, ...(state.conflicts ?? [])] : []));
}
