import type { Hlc } from '../../shared/persons/hlc';
import {
  type HouseholdEdits,
  type HouseholdState,
  memberFieldNames,
  memberFieldSchemas,
  type MemberEdits,
  type MemberFieldName,
  type MemberValues,
} from '../../shared/persons/household';
import type { FieldState } from '../../shared/persons/person-fields';

/** Changes to household members, by member id: new values, and the conflicts they settle. */
export interface MemberChanges {
  values: Partial<MemberValues>;
  resolves?: Partial<Record<MemberFieldName, Hlc[]>>;
}

/**
 * The edits of the members that changed, each field stamped by `tick` with the HLC of the value
 * the agent saw as its base. An edit of a member already in the household also says
 * `removed: false` on the removal state it saw: if another agent removed the member meanwhile,
 * the two meet as a conflict on `removed` that an agent settles, instead of the edit vanishing
 * with the member. Values are parsed first (a ZodError means nothing was stamped).
 */
export async function householdEdits(
  state: HouseholdState,
  changes: Record<string, MemberChanges>,
  tick: () => Promise<Hlc>,
): Promise<HouseholdEdits> {
  const edits: HouseholdEdits = {};
  for (const [memberId, change] of Object.entries(changes)) {
    const member = state[memberId] ?? {};
    const memberEdits: MemberEdits = {};
    for (const name of memberFieldNames) {
      if (!(name in change.values)) continue;
      const value: unknown = memberFieldSchemas[name].parse(change.values[name]);
      const resolves = change.resolves?.[name];
      if (sameValue(member[name], value) && resolves === undefined) continue;
      memberEdits[name] = {
        value,
        hlc: await tick(),
        base: member[name]?.hlc ?? null,
        ...(resolves ? { resolves } : {}),
      };
    }
    if (Object.keys(memberEdits).length === 0) continue;
    const known = Object.keys(member).length > 0;
    if (known && memberEdits.removed === undefined)
      memberEdits.removed = { value: false, hlc: await tick(), base: member.removed?.hlc ?? null };
    edits[memberId] = memberEdits;
  }
  return edits;
}

function sameValue(state: FieldState | undefined, value: unknown): boolean {
  return JSON.stringify(state?.value ?? null) === JSON.stringify(value ?? null);
}
