import { mayAccessSite } from '../../auth/access-policy';
import { toFieldIssues, type FieldIssue } from '../../../../shared/field-issues';
import { scopeChangeSchema } from '../../../../shared/persons/caseload';
import { mergePersonEdits } from '../../../../shared/persons/merge-person';
import { nameKey } from '../../../../shared/persons/name-key';
import {
  type PersonEdit,
  personEditSchema,
  type PersonFieldStates,
} from '../../../../shared/persons/person';
import { householdIssues, memberEditIssues } from '../../../../shared/persons/household';
import {
  parseFieldValue,
  personFieldNames,
  type PersonFieldName,
  REQUIRED_PERSON_FIELDS,
} from '../../../../shared/persons/person-fields';
import { logPerson } from '../../persons/log-person';
import { enterScope, exitScopeIfOut, personInScope } from '../../persons/person-scope';
import {
  insertPerson,
  type PersonColumns,
  selectPersonForUpdate,
  setAgentLink,
  setPersonVersion,
  updatePerson,
} from '../../persons/persons-table';
import type { EntityHandlers } from '../entity-registry';
import { type MutationHandler, type PushContext, reject } from '../outcome';

/**
 * A person file, shared by every agent whose scope holds it and merged field by field
 * (shared/persons/merge-person.ts): the first put of an id creates the file, and its creator
 * follows the person; later puts merge their edits into what the server holds, so two agents
 * editing offline never overwrite each other. Every accepted put answers the file's receipt.
 */
const put: MutationHandler = async (ctx, mutation) => {
  const parsed = personEditSchema.safeParse(mutation.data);
  if (!parsed.success) return reject('invalid_record', toFieldIssues(parsed.error));
  const edit = parsed.data;
  if (edit.id !== mutation.entityId) return reject('entity_id_mismatch');
  const issues = valueIssues(edit);
  if (issues.length > 0) return reject('invalid_record', issues);

  const stored = await selectPersonForUpdate(ctx.tx, edit.id);
  if (stored === undefined) return create(ctx, edit);
  if (!(await personInScope(ctx.tx, edit.id, ctx.agent))) return reject('unknown_person');
  const fields = mergePersonEdits(stored.fields, edit.edits, ctx.agent.id);
  const merged = mergedIssues(fields, edit);
  if (merged.length > 0) return reject('invalid_record', merged);
  const version = await ctx.nextChangeSeq();
  const person = { ...stored, fields, version, updatedAt: ctx.now.toISOString() };
  await updatePerson(ctx.tx, person, columnsOf(person.fields));
  await logPerson(ctx.tx, person);
  return { status: 'accepted', version, receipt: person.receipt };
};

async function create(ctx: PushContext, edit: PersonEdit) {
  if (!mayAccessSite(ctx.agent, edit.siteId))
    return reject('forbidden_site', { siteId: edit.siteId });
  const missing = REQUIRED_PERSON_FIELDS.filter((name) => edit.edits[name] === undefined);
  if (missing.length > 0) {
    return reject(
      'invalid_record',
      missing.map((name) => ({
        path: `edits.${name}`,
        message: 'Champ obligatoire à la création.',
      })),
    );
  }
  const fields = mergePersonEdits({}, edit.edits, ctx.agent.id);
  const merged = mergedIssues(fields, edit);
  if (merged.length > 0) return reject('invalid_record', merged);
  const version = await ctx.nextChangeSeq();
  const now = ctx.now.toISOString();
  const person = {
    id: edit.id,
    siteId: edit.siteId,
    fields,
    createdBy: ctx.agent.id,
    createdAt: now,
    version,
    updatedAt: now,
    receipt: await ctx.issueReceipt(),
  };
  await insertPerson(ctx.tx, person, columnsOf(person.fields));
  await setAgentLink(
    ctx.tx,
    'person_followers',
    { personId: person.id, agentId: ctx.agent.id, since: now },
    true,
  );
  await logPerson(ctx.tx, person);
  return { status: 'accepted' as const, version, receipt: person.receipt };
}

function valueIssues(edit: PersonEdit): FieldIssue[] {
  const fieldIssues = personFieldNames.flatMap((name) => {
    const fieldEdit = edit.edits[name];
    if (fieldEdit === undefined) return [];
    const result = parseFieldValue(name, fieldEdit.value);
    return result.success ? [] : toFieldIssues(result.error, ['edits', name, 'value']);
  });
  return [...fieldIssues, ...memberEditIssues(edit.edits.household ?? {})];
}

/** A new household member without a name or link, or too many members, once merged. */
function mergedIssues(fields: PersonFieldStates, edit: PersonEdit): FieldIssue[] {
  return householdIssues(fields.household ?? {}, Object.keys(edit.edits.household ?? {}));
}

/** Copies for queries (duplicates, statistics) of the winning values (also RGPD rectification). */
export function columnsOf(fields: PersonFieldStates): PersonColumns {
  const text = (name: PersonFieldName) => {
    const value = fields[name]?.value;
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return {
    nameKey: nameKey(text('lastName') ?? '', text('firstName') ?? ''),
    birthDate: text('birthDate'),
    communeInsee: text('communeInsee'),
  };
}

/**
 * Following (caseload) or pinning (for a tour) a person, `put` to start and `delete` to stop,
 * for the agent pushing it. Starting brings the file and its history to the agent's devices;
 * stopping, when nothing else keeps the person in their scope, removes it from them once
 * their unsent records are pushed. Both are idempotent.
 */
function agentLinkHandlers(table: 'person_followers' | 'person_pins'): EntityHandlers {
  const change =
    (present: boolean): MutationHandler =>
    async (ctx, mutation) => {
      const parsed = scopeChangeSchema.safeParse(mutation.data);
      if (!parsed.success) return reject('invalid_record', toFieldIssues(parsed.error));
      if (parsed.data.personId !== mutation.entityId) return reject('entity_id_mismatch');
      const stored = await selectPersonForUpdate(ctx.tx, mutation.entityId);
      if (stored === undefined) return reject('unknown_person');
      const wasInScope = await personInScope(ctx.tx, stored.id, ctx.agent);
      // A file may be pinned from a duplicate search without being in scope yet; only that.
      if (!wasInScope && !(present && table === 'person_pins')) return reject('unknown_person');
      const link = { personId: stored.id, agentId: ctx.agent.id, since: ctx.now.toISOString() };
      await setAgentLink(ctx.tx, table, link, present);
      if (present && !wasInScope) await enterScope(ctx.tx, stored.id, [ctx.agent.id]);
      const version = await ctx.nextChangeSeq();
      const person = { ...stored, version, updatedAt: ctx.now.toISOString() };
      await setPersonVersion(ctx.tx, person);
      await logPerson(ctx.tx, person);
      if (!present) await exitScopeIfOut(ctx.tx, stored.id, ctx.agent);
      return { status: 'accepted', version, receipt: stored.receipt };
    };
  return { put: change(true), delete: change(false) };
}

export const personHandlers: EntityHandlers = { put };
export const followHandlers = agentLinkHandlers('person_followers');
export const pinHandlers = agentLinkHandlers('person_pins');
