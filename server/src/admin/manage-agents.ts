import type { CreateAgent, UpdateAgent } from '../../../shared/security/admin-api';
import { uuidv7 } from '../../../shared/uuidv7';
import { hashPassword } from '../auth/password';
import { recordLoginAttempt } from '../auth/login-guard';
import type { Database } from '../db/database';
import {
  type AdminAgentRow,
  findAdminAgent,
  insertAgentIfAbsent,
  setPasswordHash,
  updateAgent,
} from '../db/queries/agents';
import { endAgentTokens, revokeAgentDevices } from '../db/queries/devices';
import { unknownSiteIds } from '../db/queries/sites';
import { ApiError } from '../http/api-error';

/**
 * What administrators do to agents. Each change is one transaction; a refusal changes nothing.
 * Disabling an agent revokes all their devices (each wipes itself at its next contact); a new
 * password ends their tokens (their devices log in again, nothing is wiped) and lifts a lockout.
 */
export async function createAgent(
  db: Database,
  input: CreateAgent,
  now: Date,
): Promise<AdminAgentRow> {
  await checkSites(db, input.siteIds);
  const id = uuidv7(now.getTime());
  const passwordHash = await hashPassword(input.password);
  const inserted = await db.transaction((tx) =>
    insertAgentIfAbsent(tx, { ...input, id, passwordHash, isDemo: false }, now.toISOString()),
  );
  if (!inserted) throw new ApiError(409, 'login_taken');
  return (await findAdminAgent(db, id))!;
}

export async function changeAgent(
  db: Database,
  input: { id: string; change: UpdateAgent; by: string; now: Date },
): Promise<AdminAgentRow> {
  const { id, change, now } = input;
  if (!(await findAdminAgent(db, id))) throw new ApiError(404, 'not_found');
  if (change.siteIds) await checkSites(db, change.siteIds);
  if (change.disabled && id === input.by) {
    throw new ApiError(422, 'invalid_body', [
      { path: 'disabled', message: 'Vous ne pouvez pas désactiver votre propre compte.' },
    ]);
  }
  await db.transaction(async (tx) => {
    await updateAgent(tx, id, {
      ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.siteIds !== undefined ? { siteIds: change.siteIds } : {}),
      ...(change.disabled !== undefined
        ? { disabledAt: change.disabled ? now.toISOString() : null }
        : {}),
    });
    if (change.disabled) await revokeAgentDevices(tx, id, now.toISOString());
  });
  return (await findAdminAgent(db, id))!;
}

export async function resetPassword(
  db: Database,
  input: { id: string; password: string; now: Date },
): Promise<void> {
  const agent = await findAdminAgent(db, input.id);
  if (!agent) throw new ApiError(404, 'not_found');
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, input.id, passwordHash);
    await endAgentTokens(tx, input.id, input.now.toISOString());
    // Counts as a success for the lockout (auth/login-guard.ts): the agent may log in at once.
    await recordLoginAttempt(tx, {
      login: agent.login,
      ip: 'administrateur',
      now: input.now,
      outcome: 'success',
    });
  });
}

async function checkSites(db: Database, siteIds: readonly string[]): Promise<void> {
  const unknown = await unknownSiteIds(db, siteIds);
  if (unknown.length > 0) {
    throw new ApiError(
      422,
      'invalid_body',
      unknown.map((id) => ({ path: 'siteIds', message: `Site inconnu : ${id}` })),
    );
  }
}
