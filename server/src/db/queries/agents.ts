/** The `agents` table and `agent_sites`, the sites each agent works for. */
import type { Agent, Role } from '../../../../shared/schemas/agent';
import type { Queryable } from '../database';
import { toIso } from '../convert';

export interface AgentWithHash extends Agent {
  passwordHash: string;
  /** Set when an administrator disabled the agent: no login, every device revoked. */
  disabledAt?: string;
}

interface AgentRow {
  id: string;
  login: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled_at?: Date | null;
  site_ids: string[];
}

const SELECT_AGENT = `
  SELECT a.id, a.login, a.display_name, a.role, a.password_hash, a.disabled_at,
         coalesce(array_agg(s.site_id ORDER BY s.site_id) FILTER (WHERE s.site_id IS NOT NULL), '{}') AS site_ids
  FROM agents a LEFT JOIN agent_sites s ON s.agent_id = a.id`;

export async function findAgentByLogin(
  db: Queryable,
  login: string,
): Promise<AgentWithHash | undefined> {
  const rows = await db.query<AgentRow>(`${SELECT_AGENT} WHERE a.login = $1 GROUP BY a.id`, [
    login,
  ]);
  return rows[0] && toAgent(rows[0]);
}

export async function findAgentById(db: Queryable, id: string): Promise<Agent | undefined> {
  const rows = await db.query<AgentRow>(`${SELECT_AGENT} WHERE a.id = $1 GROUP BY a.id`, [id]);
  return rows[0] && withoutHash(toAgent(rows[0]));
}

/** The agent as sent to devices: never the password hash. */
export function withoutHash(agent: AgentWithHash): Agent {
  return {
    id: agent.id,
    login: agent.login,
    displayName: agent.displayName,
    role: agent.role,
    siteIds: agent.siteIds,
  };
}

/** Inserts the agent and its sites unless the login exists; true when inserted. Logins are kept in lower case. */
export async function insertAgentIfAbsent(
  tx: Queryable,
  agent: AgentWithHash & { isDemo: boolean },
  now: string,
): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO agents (id, login, display_name, role, password_hash, is_demo, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (login) DO NOTHING
     RETURNING id`,
    [
      agent.id,
      agent.login.toLowerCase(),
      agent.displayName,
      agent.role,
      agent.passwordHash,
      agent.isDemo,
      now,
    ],
  );
  if (rows.length === 0) return false;
  await tx.query('INSERT INTO agent_sites (agent_id, site_id) SELECT $1, unnest($2::text[])', [
    agent.id,
    agent.siteIds,
  ]);
  return true;
}

/** Which of `logins` exist. */
export async function existingLogins(db: Queryable, logins: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ login: string }>(
    'SELECT login FROM agents WHERE login = ANY($1::text[])',
    [logins],
  );
  return rows.map((row) => row.login);
}

export async function countDemoAgents(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM agents WHERE is_demo');
  return rows[0]?.n ?? 0;
}

function toAgent(row: AgentRow): AgentWithHash {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    siteIds: row.site_ids,
    passwordHash: row.password_hash,
    ...(row.disabled_at ? { disabledAt: toIso(row.disabled_at) } : {}),
  };
}

/** Every agent with their sites, for the administrators; never the password hashes. */
export async function listAgents(db: Queryable): Promise<AdminAgentRow[]> {
  const rows = await db.query<AgentRow & { created_at: Date }>(
    `${SELECT_AGENT.replace('a.disabled_at,', 'a.disabled_at, a.created_at,')} GROUP BY a.id ORDER BY a.login`,
  );
  return rows.map((row) => ({
    ...withoutHash(toAgent(row)),
    disabled: !!row.disabled_at,
    createdAt: toIso(row.created_at),
  }));
}

export interface AdminAgentRow extends Agent {
  disabled: boolean;
  createdAt: string;
}

export async function findAdminAgent(
  db: Queryable,
  id: string,
): Promise<AdminAgentRow | undefined> {
  const rows = await db.query<AgentRow & { created_at: Date }>(
    `${SELECT_AGENT.replace('a.disabled_at,', 'a.disabled_at, a.created_at,')} WHERE a.id = $1 GROUP BY a.id`,
    [id],
  );
  const row = rows[0];
  return (
    row && {
      ...withoutHash(toAgent(row)),
      disabled: !!row.disabled_at,
      createdAt: toIso(row.created_at),
    }
  );
}

/** Changes what is given; the sites are replaced as a whole. */
export async function updateAgent(
  tx: Queryable,
  id: string,
  change: {
    displayName?: string;
    role?: Role;
    siteIds?: readonly string[];
    disabledAt?: string | null;
  },
): Promise<void> {
  await tx.query(
    `UPDATE agents SET display_name = coalesce($2, display_name), role = coalesce($3, role),
            disabled_at = CASE WHEN $4 THEN $5::timestamptz ELSE disabled_at END
     WHERE id = $1`,
    [
      id,
      change.displayName ?? null,
      change.role ?? null,
      change.disabledAt !== undefined,
      change.disabledAt ?? null,
    ],
  );
  if (change.siteIds) {
    await tx.query('DELETE FROM agent_sites WHERE agent_id = $1', [id]);
    await tx.query('INSERT INTO agent_sites (agent_id, site_id) SELECT $1, unnest($2::text[])', [
      id,
      change.siteIds,
    ]);
  }
}

export async function setPasswordHash(
  tx: Queryable,
  id: string,
  passwordHash: string,
): Promise<void> {
  await tx.query('UPDATE agents SET password_hash = $2, is_demo = false WHERE id = $1', [
    id,
    passwordHash,
  ]);
}
