/** The `devices` table: one row per login on a tablet, with the hash of its bearer token. */
import type { Queryable } from '../database';
import { toIso } from '../convert';

export interface NewDevice {
  id: string;
  agentId: string;
  name: string;
  /** Absent for a device that must never authenticate (the demo seed's). */
  token?: { hash: string; expiresAt: string };
  now: string;
}

export interface DeviceToken {
  deviceId: string;
  agentId: string;
  agentDisabled: boolean;
  expiresAt: string;
  revokedAt: string | undefined;
  lastSeenAt: string;
}

export async function insertDevice(tx: Queryable, device: NewDevice): Promise<void> {
  await tx.query(
    `INSERT INTO devices (id, agent_id, name, token_hash, token_expires_at, created_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (id) DO NOTHING`,
    [
      device.id,
      device.agentId,
      device.name,
      device.token?.hash ?? null,
      device.token?.expiresAt ?? null,
      device.now,
    ],
  );
}

export async function findDeviceByTokenHash(
  db: Queryable,
  tokenHash: string,
): Promise<DeviceToken | undefined> {
  const rows = await db.query<{
    id: string;
    agent_id: string;
    token_expires_at: Date;
    revoked_at: Date | null;
    last_seen_at: Date;
    agent_disabled: boolean;
  }>(
    `SELECT d.id, d.agent_id, d.token_expires_at, d.revoked_at, d.last_seen_at,
            a.disabled_at IS NOT NULL AS agent_disabled
     FROM devices d JOIN agents a ON a.id = d.agent_id WHERE d.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    deviceId: row.id,
    agentId: row.agent_id,
    agentDisabled: row.agent_disabled,
    expiresAt: toIso(row.token_expires_at),
    revokedAt: row.revoked_at ? toIso(row.revoked_at) : undefined,
    lastSeenAt: toIso(row.last_seen_at),
  };
}

export async function touchDevice(db: Queryable, deviceId: string, now: string): Promise<void> {
  await db.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1', [deviceId, now]);
}

export async function revokeDevice(db: Queryable, deviceId: string, now: string): Promise<void> {
  await db.query('UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [
    deviceId,
    now,
  ]);
}

/** Ends the device's token (logout): it is unknown from now on; the device is not revoked. */
export async function endDeviceToken(db: Queryable, deviceId: string, now: string): Promise<void> {
  await db.query('UPDATE devices SET token_hash = NULL, logged_out_at = $2 WHERE id = $1', [
    deviceId,
    now,
  ]);
}

export interface DeviceListRow {
  id: string;
  name: string;
  agentId: string;
  agentLogin: string;
  agentName: string;
  createdAt: string;
  lastSeenAt: string;
  tokenExpiresAt: string | null;
  loggedOutAt: string | null;
  revokedAt: string | null;
}

/** Devices with their agent, most recently seen first; only those matching `filter`. */
export async function listDevices(
  db: Queryable,
  filter: { agentId?: string; deviceId?: string } = {},
): Promise<DeviceListRow[]> {
  const rows = await db.query<{
    id: string;
    name: string;
    agent_id: string;
    login: string;
    display_name: string;
    created_at: Date;
    last_seen_at: Date;
    token_expires_at: Date | null;
    logged_out_at: Date | null;
    revoked_at: Date | null;
  }>(
    `SELECT d.id, d.name, d.agent_id, a.login, a.display_name, d.created_at, d.last_seen_at,
            d.token_expires_at, d.logged_out_at, d.revoked_at
     FROM devices d JOIN agents a ON a.id = d.agent_id
     WHERE ($1::uuid IS NULL OR d.agent_id = $1::uuid) AND ($2::uuid IS NULL OR d.id = $2::uuid)
     ORDER BY d.last_seen_at DESC, d.id`,
    [filter.agentId ?? null, filter.deviceId ?? null],
  );
  const iso = (value: Date | null) => (value ? toIso(value) : null);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    agentId: row.agent_id,
    agentLogin: row.login,
    agentName: row.display_name,
    createdAt: toIso(row.created_at),
    lastSeenAt: toIso(row.last_seen_at),
    tokenExpiresAt: iso(row.token_expires_at),
    loggedOutAt: iso(row.logged_out_at),
    revokedAt: iso(row.revoked_at),
  }));
}

/** Revokes every device of an agent (disabled account): each wipes itself at its next contact. */
export async function revokeAgentDevices(
  db: Queryable,
  agentId: string,
  now: string,
): Promise<void> {
  await db.query('UPDATE devices SET revoked_at = $2 WHERE agent_id = $1 AND revoked_at IS NULL', [
    agentId,
    now,
  ]);
}

/** Ends every token of an agent (new password): each device must log in again, nothing is wiped. */
export async function endAgentTokens(db: Queryable, agentId: string, now: string): Promise<void> {
  await db.query(
    'UPDATE devices SET token_hash = NULL, logged_out_at = $2 WHERE agent_id = $1 AND token_hash IS NOT NULL',
    [agentId, now],
  );
}
