/** The `device_recovery_keys` table: one recovery key per agent and app installation. */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../database';

const RECOVERY_KEY_BYTES = 32; // an AES-256 key

/**
 * The recovery key of this agent on this installation, made on first request. Concurrent
 * logins agree: the insert keeps the first key and every caller reads the stored one.
 */
export async function recoveryKeyFor(
  db: Queryable,
  key: { agentId: string; installId: string; now: string },
): Promise<string> {
  await db.query(
    `INSERT INTO device_recovery_keys (agent_id, install_id, secret, created_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (agent_id, install_id) DO NOTHING`,
    [key.agentId, key.installId, randomBytes(RECOVERY_KEY_BYTES).toString('base64url'), key.now],
  );
  const rows = await db.query<{ secret: string }>(
    'SELECT secret FROM device_recovery_keys WHERE agent_id = $1 AND install_id = $2',
    [key.agentId, key.installId],
  );
  return rows[0]!.secret;
}
