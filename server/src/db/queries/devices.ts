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
  }>(
    `SELECT id, agent_id, token_expires_at, revoked_at, last_seen_at
     FROM devices WHERE token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    deviceId: row.id,
    agentId: row.agent_id,
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
