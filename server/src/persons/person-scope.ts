/**
 * Which persons an agent may hold: those of their sites, their caseload, their pins, the
 * persons of the open referrals they sent or receive (themselves or their MDS) and of the
 * unfinished tasks they are given. A closed or refused referral and a done task keep no one:
 * the person then leaves the agent's scope unless a follow, a pin or a site keeps them.
 * A cadre also holds the persons of every referral addressed to their MDS or its agents and of
 * every task given to its agents, whatever their status (cadreScopeSql).
 * Used by pull (build-pull.ts) and by every handler that touches a person.
 */
import type { Agent } from '../../../shared/schemas/agent';
import { personDataSites } from '../auth/access-policy';
import type { Queryable } from '../db/database';
import { findAgentById } from '../db/queries/agents';

/**
 * SQL selecting the ids of the persons in the scope of agent `$agent` of sites `$sites`,
 * beyond their sites (the caller adds `site_id = ANY(sites)`).
 */
export function personScopeSql(agent: string, sites: string): string {
  return `SELECT person_id FROM person_followers WHERE agent_id = ${agent}
          UNION SELECT person_id FROM person_pins WHERE agent_id = ${agent}
          UNION SELECT person_id FROM referrals
                WHERE status NOT IN ('cloturee', 'refusee')
                  AND (from_agent_id = ${agent} OR to_agent_id = ${agent} OR to_site_id = ANY(${sites}))
          UNION SELECT person_id FROM tasks WHERE assignee_id = ${agent} AND done_at IS NULL
          UNION ${cadreScopeSql(agent, sites)}`;
}

/**
 * SQL selecting, for a cadre only, the persons of the referrals addressed to their MDS or to
 * one of its agents and of the tasks given to one, whatever their status: the "Suivi de la MDS"
 * counts the MDS's received referrals (a referral from another MDS is logged under the
 * sender's site) and the late tasks of its agents, with every status change, closing and
 * refusal included, so the delays between statuses are whole. Empty for any other role.
 */
function cadreScopeSql(agent: string, sites: string): string {
  return `SELECT work.person_id FROM (
            SELECT person_id, to_agent_id AS agent_id FROM referrals WHERE to_agent_id IS NOT NULL
            UNION ALL SELECT person_id, assignee_id FROM tasks
          ) work
          JOIN agent_sites mds ON mds.agent_id = work.agent_id AND mds.site_id = ANY(${sites})
          WHERE EXISTS (SELECT 1 FROM agents WHERE id = ${agent} AND role = 'cadre')
          UNION SELECT person_id FROM referrals
          WHERE to_site_id = ANY(${sites})
            AND EXISTS (SELECT 1 FROM agents WHERE id = ${agent} AND role = 'cadre')`;
}

/** Whether the agent may read and edit this person's file. */
export async function personInScope(
  tx: Queryable,
  personId: string,
  agent: Agent,
): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM persons p
     WHERE p.id = $1 AND p.deleted_at IS NULL
       AND (p.site_id = ANY($3::text[]) OR p.id IN (${personScopeSql('$2::uuid', '$3::text[]')}))`,
    [personId, agent.id, personDataSites(agent)],
  );
  return rows.length > 0;
}

/**
 * Which of `personIds` (valid UUIDs) the agent may read and edit, as `personInScope` would
 * answer for each, in one query; ids come back lowercase.
 */
export async function personsInScope(
  tx: Queryable,
  personIds: readonly string[],
  agent: Agent,
): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    `SELECT p.id::text AS id FROM persons p
     WHERE p.id = ANY($1::uuid[]) AND p.deleted_at IS NULL
       AND (p.site_id = ANY($3::text[]) OR p.id IN (${personScopeSql('$2::uuid', '$3::text[]')}))`,
    [personIds, agent.id, personDataSites(agent)],
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * Moves every logged change about the person to the end of the log, so an agent for whom the
 * person just entered the scope pulls the file and its history, though their cursor is past
 * them. Other agents pull them again too, which changes nothing on their device. Forgets any
 * earlier scope exit of the agent for that person. Caller holds the change log lock.
 */
export async function enterScope(tx: Queryable, personId: string, agentIds: readonly string[]) {
  await tx.query(`UPDATE sync_changes SET seq = nextval('change_seq') WHERE person_id = $1`, [
    personId,
  ]);
  await tx.query(
    'DELETE FROM agent_scope_changes WHERE person_id = $1 AND agent_id = ANY($2::uuid[])',
    [personId, agentIds],
  );
}

/**
 * Logs, for this agent only, that the person left their scope, unless they still may hold it
 * (their site, another link). The device removes the file once its own unsent records for the
 * person are pushed. Caller holds the change log lock.
 */
export async function exitScopeIfOut(tx: Queryable, personId: string, agent: Agent): Promise<void> {
  if (await personInScope(tx, personId, agent)) return;
  await tx.query(
    `INSERT INTO agent_scope_changes (agent_id, person_id, seq) VALUES ($1, $2, nextval('change_seq'))
     ON CONFLICT (agent_id, person_id) DO UPDATE SET seq = excluded.seq`,
    [agent.id, personId],
  );
}

/**
 * `exitScopeIfOut` for each of these agents (a referral's sender and receivers, a task's former
 * assignee), once the link that kept the person in their scope has ended. An agent who never
 * held person data of `siteId` (an administrator of a receiving MDS) is skipped: they had
 * nothing to remove. Caller holds the change log lock.
 */
export async function exitScopeOfAgents(
  tx: Queryable,
  personId: string,
  agentIds: Iterable<string>,
): Promise<void> {
  for (const id of new Set(agentIds)) {
    const agent = await findAgentById(tx, id);
    if (agent !== undefined && personDataSites(agent).length > 0)
      await exitScopeIfOut(tx, personId, agent);
  }
}

/** The agents of an MDS: those who receive the referrals sent to it. */
export async function agentsOfSite(tx: Queryable, siteId: string): Promise<string[]> {
  const rows = await tx.query<{ agent_id: string }>(
    'SELECT agent_id FROM agent_sites WHERE site_id = $1',
    [siteId],
  );
  return rows.map((row) => row.agent_id);
}

/**
 * Whether the person left this agent's scope (a `delete` logged for them alone): their devices
 * may still hold records about the person, typed while it was theirs, which the tablet keeps
 * until pushed (src/db/person-removal.ts). A visit among them is still accepted, as a record of
 * the agent's own MDS, so nothing typed is refused for a scope change the agent did not see.
 */
export async function personLeftScope(
  tx: Queryable,
  personId: string,
  agentId: string,
): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM agent_scope_changes c JOIN persons p ON p.id = c.person_id
     WHERE c.person_id = $1 AND c.agent_id = $2 AND p.deleted_at IS NULL`,
    [personId, agentId],
  );
  return rows.length > 0;
}
