import { ENTITY } from '../../shared/entities';
import type { Hlc } from '../../shared/persons/hlc';
import { householdIssues } from '../../shared/persons/household';
import { mergePersonEdits } from '../../shared/persons/merge-person';
import { nameKey } from '../../shared/persons/name-key';
import { type PersonEdit, personEditSchema } from '../../shared/persons/person';
import {
  type FieldEdit,
  personFieldSchemas,
  type PersonFieldName,
  type PersonValues,
} from '../../shared/persons/person-fields';
import { type Site, siteSchema } from '../../shared/schemas/site';
import type { AppDB } from './AppDB';
import { nextHlc } from './hlc-clock';
import { householdEdits, type MemberChanges } from './household-edits';
import { appendMutation } from './outbox';
import {
  type LocalAgentProfile,
  localAgentProfileSchema,
  type LocalPerson,
  localPersonSchema,
  parseRows,
} from './person-rows';
import type { Session } from './session';

export interface PersonChanges {
  personId: string;
  /** The MDS of a new file (the agent's first site by default). */
  siteId: string;
  values: Partial<PersonValues>;
  /** Per field, the concurrent values the agent saw and chose against (a resolved conflict). */
  resolves?: Partial<Record<PersonFieldName, Hlc[]>>;
  /** Household members added, edited or removed (`removed: true`), by member id. */
  members?: Record<string, MemberChanges>;
}

/**
 * Saves a new person file or edits of one, in ONE transaction: the merged row and its outbox
 * mutation carrying only the fields that changed, each stamped with the device's hybrid
 * logical clock and the HLC of the value the agent saw (`base`). Offline that is all; the
 * server merges it field by field with other agents' edits (a field edited by both becomes a
 * conflict, shown on the file) and its answer comes back in the next pull. Values are checked
 * first: a ZodError (or an Error for a household member without a name or link) means nothing
 * was written. A new file is followed by its author. Household members are edited member by
 * member (household-edits.ts), so agents adding different members offline keep them all.
 */
export async function savePerson(
  db: AppDB,
  session: Session,
  changes: PersonChanges,
  now: Date = new Date(),
): Promise<LocalPerson | undefined> {
  const values = Object.fromEntries(
    Object.entries(changes.values).map(([name, value]) => [
      name,
      personFieldSchemas[name as PersonFieldName].parse(value),
    ]),
  ) as Partial<PersonValues>;
  return db.transaction('rw', [db.persons, db.outbox, db.meta], async () => {
    const current = await readPerson(db, changes.personId);
    const fields = current?.fields ?? {};
    const edits: PersonEdit['edits'] = {};
    for (const [name, value] of Object.entries(values) as [PersonFieldName, unknown][]) {
      const resolves = changes.resolves?.[name];
      const unchanged =
        JSON.stringify(fields[name]?.value ?? null) === JSON.stringify(value ?? null);
      if (unchanged && resolves === undefined) continue;
      const edit: FieldEdit = {
        value,
        hlc: await nextHlc(db, session.deviceId, now),
        base: fields[name]?.hlc ?? null,
        ...(resolves ? { resolves } : {}),
      };
      edits[name] = edit;
    }
    const household = await householdEdits(fields.household ?? {}, changes.members ?? {}, () =>
      nextHlc(db, session.deviceId, now),
    );
    if (Object.keys(household).length > 0) edits.household = household;
    if (Object.keys(edits).length === 0) return current;
    const merged = mergePersonEdits(fields, edits, session.agent.id);
    const issues = householdIssues(merged.household ?? {}, Object.keys(household));
    if (issues.length > 0) throw new Error(issues.map((issue) => issue.message).join(' '));
    const data = personEditSchema.parse({
      id: changes.personId,
      siteId: current?.siteId ?? changes.siteId,
      edits,
      at: now.toISOString(),
    });
    const person: LocalPerson = {
      ...(current ?? {
        id: data.id,
        siteId: data.siteId,
        followers: [{ agentId: session.agent.id, since: now.toISOString() }],
        pinnedBy: [],
        createdBy: session.agent.id,
        createdAt: now.toISOString(),
      }),
      fields: merged,
      syncState: 'pending',
      reason: undefined,
    };
    await db.persons.put(person);
    await appendMutation(db, { entity: ENTITY.person, op: 'put', entityId: data.id, data }, now);
    return person;
  });
}

/**
 * Follows or stops following a person ("Mes personnes suivies"), or pins or unpins them for a
 * tour, in ONE transaction with its outbox mutation. The row shows the change at once; the
 * server's record, pulled next, is the truth (and may take the person off the tablet). A file
 * found by the duplicate search of the whole département is not on the tablet yet: pinning it
 * queues the mutation alone, and the file arrives with the next pull.
 */
export async function setPersonLink(
  db: AppDB,
  session: Session,
  link: { personId: string; kind: 'follow' | 'pin'; on: boolean },
  now: Date = new Date(),
): Promise<void> {
  await db.transaction('rw', [db.persons, db.outbox, db.meta], async () => {
    const person = await readPerson(db, link.personId);
    const me = session.agent.id;
    if (person !== undefined) {
      const update =
        link.kind === 'follow'
          ? {
              followers: link.on
                ? [
                    ...person.followers.filter((f) => f.agentId !== me),
                    { agentId: me, since: now.toISOString() },
                  ]
                : person.followers.filter((f) => f.agentId !== me),
            }
          : {
              pinnedBy: link.on
                ? [...new Set([...person.pinnedBy, me])]
                : person.pinnedBy.filter((id) => id !== me),
            };
      await db.persons.update(link.personId, update);
    } else if (!(link.kind === 'pin' && link.on)) return;
    await appendMutation(
      db,
      {
        entity: link.kind === 'follow' ? ENTITY.follow : ENTITY.pin,
        op: link.on ? 'put' : 'delete',
        entityId: link.personId,
        data: { personId: link.personId, at: now.toISOString() },
      },
      now,
    );
  });
}

export async function readPerson(db: AppDB, id: string): Promise<LocalPerson | undefined> {
  const row = await db.persons.get(id);
  const parsed = localPersonSchema.safeParse(row);
  return parsed.success ? parsed.data : undefined;
}

/** Every file on the tablet, by name. */
export async function listPersons(db: AppDB): Promise<LocalPerson[]> {
  const persons = parseRows(localPersonSchema, await db.persons.toArray());
  return persons.sort((a, b) => displayName(a).localeCompare(displayName(b), 'fr'));
}

/**
 * Files on the tablet with the same name (accents, case, hyphens ignored) and, when both are
 * known, the same birth date: offered before a new file is created.
 */
export async function findDuplicates(
  db: AppDB,
  person: { lastName: string; firstName: string; birthDate?: string | null },
): Promise<LocalPerson[]> {
  const key = nameKey(person.lastName, person.firstName);
  return (await listPersons(db)).filter((candidate) => {
    const { lastName, firstName, birthDate } = candidate.fields;
    if (nameKey(String(lastName?.value ?? ''), String(firstName?.value ?? '')) !== key)
      return false;
    const theirs = birthDate?.value;
    return !person.birthDate || typeof theirs !== 'string' || theirs === person.birthDate;
  });
}

/** "NOM Prénom" as the lists show it. */
export function displayName(person: Pick<LocalPerson, 'fields'>): string {
  const last = String(person.fields.lastName?.value ?? '');
  const first = String(person.fields.firstName?.value ?? '');
  return `${last.toLocaleUpperCase('fr')} ${first}`.trim();
}

export interface Directory {
  /** The professionals every agent may see (name, role, MDS), by id. */
  profiles: Map<string, LocalAgentProfile>;
  /** The MDS and antennas, by id. */
  sites: Map<string, Site>;
}

export async function readDirectory(db: AppDB): Promise<Directory> {
  const profiles = parseRows(localAgentProfileSchema, await db.agentProfiles.toArray());
  const sites = parseRows(siteSchema, await db.sites.toArray());
  return {
    profiles: new Map(profiles.map((p) => [p.id, p])),
    sites: new Map(sites.map((site) => [site.id, site])),
  };
}

/** The services of the guide on the tablet, by name, to orient a person to one of them. */
export async function listGuideServiceNames(db: AppDB): Promise<{ id: string; name: string }[]> {
  const rows = await db.services.toArray();
  return rows
    .flatMap((row) => (typeof row.nom === 'string' ? [{ id: row.id, name: row.nom }] : []))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
