/** The `persons`, `person_followers` and `person_pins` tables. */
import type { DuplicateMatch } from '../../../shared/persons/duplicates';
import type { Receipt } from '../../../shared/schemas/common';
import {
  type Follower,
  type PersonFieldStates,
  personFieldStatesSchema,
} from '../../../shared/persons/person';
import type { Queryable } from '../db/database';
import { type Int8, toIso, toSafeInt } from '../db/convert';

export interface StoredPerson {
  id: string;
  siteId: string;
  fields: PersonFieldStates;
  createdBy: string;
  createdAt: string;
  version: number;
  updatedAt: string;
  receipt: Receipt;
}

interface PersonRow {
  id: string;
  site_id: string;
  fields: PersonFieldStates;
  created_by: string;
  created_at: Date | string;
  version: Int8;
  updated_at: Date | string;
  receipt_number: string;
  receipt_issued_at: Date | string;
}

/** The person, locked until the end of the transaction (edits of one file apply one by one). */
export async function selectPersonForUpdate(
  tx: Queryable,
  id: string,
): Promise<StoredPerson | undefined> {
  const rows = await tx.query<PersonRow>(
    `SELECT id, site_id, fields, created_by, created_at, version, updated_at, receipt_number, receipt_issued_at
     FROM persons WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
    [id],
  );
  const row = rows[0];
  return (
    row && {
      id: row.id,
      siteId: row.site_id,
      // Parsed: a file written before the household was merged per member is read in its new shape.
      fields: personFieldStatesSchema.parse(row.fields),
      createdBy: row.created_by,
      createdAt: toIso(row.created_at),
      version: toSafeInt(row.version),
      updatedAt: toIso(row.updated_at),
      receipt: { number: row.receipt_number, issuedAt: toIso(row.receipt_issued_at) },
    }
  );
}

/** Query columns copied out of the merged fields. */
export interface PersonColumns {
  nameKey: string;
  birthDate: string | null;
  communeInsee: string | null;
}

export async function insertPerson(
  tx: Queryable,
  person: StoredPerson,
  columns: PersonColumns,
): Promise<void> {
  await tx.query(
    `INSERT INTO persons (id, site_id, birth_date, commune_insee, name_key, fields, created_by, created_at,
                          version, updated_at, receipt_number, receipt_issued_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12)`,
    [
      person.id,
      person.siteId,
      columns.birthDate,
      columns.communeInsee,
      columns.nameKey,
      JSON.stringify(person.fields),
      person.createdBy,
      person.createdAt,
      person.version,
      person.updatedAt,
      person.receipt.number,
      person.receipt.issuedAt,
    ],
  );
}

export async function updatePerson(
  tx: Queryable,
  person: StoredPerson,
  columns: PersonColumns,
): Promise<void> {
  await tx.query(
    `UPDATE persons SET fields = $2::jsonb, birth_date = $3, commune_insee = $4, name_key = $5,
                        version = $6, updated_at = $7
     WHERE id = $1`,
    [
      person.id,
      JSON.stringify(person.fields),
      columns.birthDate,
      columns.communeInsee,
      columns.nameKey,
      person.version,
      person.updatedAt,
    ],
  );
}

/** A new version for a change beside the fields (followers, pins). */
export async function setPersonVersion(
  tx: Queryable,
  person: Pick<StoredPerson, 'id' | 'version' | 'updatedAt'>,
): Promise<void> {
  await tx.query('UPDATE persons SET version = $2, updated_at = $3 WHERE id = $1', [
    person.id,
    person.version,
    person.updatedAt,
  ]);
}

export async function selectFollowers(tx: Queryable, personId: string): Promise<Follower[]> {
  const rows = await tx.query<{ agent_id: string; since: Date | string }>(
    'SELECT agent_id, since FROM person_followers WHERE person_id = $1 ORDER BY since, agent_id',
    [personId],
  );
  return rows.map((row) => ({ agentId: row.agent_id, since: toIso(row.since) }));
}

export async function selectPinners(tx: Queryable, personId: string): Promise<string[]> {
  const rows = await tx.query<{ agent_id: string }>(
    'SELECT agent_id FROM person_pins WHERE person_id = $1 ORDER BY agent_id',
    [personId],
  );
  return rows.map((row) => row.agent_id);
}

/**
 * Adds or removes the agent in `person_followers` or `person_pins`; true when it changed. A
 * follow also opens or closes its row of `follow_periods` at `link.since`, the server time of
 * the change, so the Pilotage page knows who was followed in a past period.
 */
export async function setAgentLink(
  tx: Queryable,
  table: 'person_followers' | 'person_pins',
  link: { personId: string; agentId: string; since: string },
  present: boolean,
): Promise<boolean> {
  const rows = present
    ? await tx.query(
        `INSERT INTO ${table} (person_id, agent_id, since) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING agent_id`,
        [link.personId, link.agentId, link.since],
      )
    : await tx.query(
        `DELETE FROM ${table} WHERE person_id = $1 AND agent_id = $2 RETURNING agent_id`,
        [link.personId, link.agentId],
      );
  const changed = rows.length > 0;
  if (changed && table === 'person_followers') {
    await tx.query(
      present
        ? 'INSERT INTO follow_periods (person_id, agent_id, started_at) VALUES ($1, $2, $3)'
        : `UPDATE follow_periods SET ended_at = greatest($3::timestamptz, started_at)
            WHERE person_id = $1 AND agent_id = $2 AND ended_at IS NULL`,
      [link.personId, link.agentId, link.since],
    );
  }
  return changed;
}

/** Files of any site with this name key, and this birth date (or none known) when given. */
export async function selectDuplicates(
  db: Queryable,
  query: { nameKey: string; birthDate?: string; limit: number },
): Promise<DuplicateMatch[]> {
  const rows = await db.query<{
    id: string;
    site_id: string;
    fields: PersonFieldStates;
    birth_date: string | null;
  }>(
    `SELECT id::text AS id, site_id, fields, to_char(birth_date, 'YYYY-MM-DD') AS birth_date
     FROM persons
     WHERE name_key = $1 AND deleted_at IS NULL
       AND ($2::date IS NULL OR birth_date IS NULL OR birth_date = $2::date)
     ORDER BY created_at, id
     LIMIT $3`,
    [query.nameKey, query.birthDate ?? null, query.limit],
  );
  return rows.map((row) => ({
    id: row.id,
    siteId: row.site_id,
    lastName: String(row.fields.lastName?.value ?? ''),
    firstName: String(row.fields.firstName?.value ?? ''),
    birthDate: row.birth_date,
  }));
}
