/** The `login_attempts` table: one row per login attempt, kept a day (auth/login-guard.ts). */
import type { Queryable } from '../database';
import { toIso } from '../convert';

/** `pending`: admitted, its password being hashed; it counts as a failure until settled. */
export type LoginOutcome = 'pending' | 'success' | 'failure' | 'refused';

const KEEP_MS = 24 * 60 * 60 * 1000; // 1 day, far beyond any window or lock

export async function forgetOldLoginAttempts(db: Queryable, now: Date): Promise<void> {
  await db.query('DELETE FROM login_attempts WHERE at < $1', [
    new Date(now.getTime() - KEEP_MS).toISOString(),
  ]);
}

/** Returns the id of the new row. */
export async function insertLoginAttempt(
  db: Queryable,
  attempt: { at: Date; login: string; ip: string; outcome: LoginOutcome },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    'INSERT INTO login_attempts (at, login, ip, outcome) VALUES ($1, $2, $3, $4) RETURNING id::text AS id',
    [attempt.at.toISOString(), attempt.login, attempt.ip, attempt.outcome],
  );
  return rows[0]!.id;
}

/** Gives a pending attempt its outcome once the password is checked. */
export async function settleLoginAttempt(
  db: Queryable,
  id: string,
  outcome: 'success' | 'failure',
): Promise<void> {
  await db.query(
    "UPDATE login_attempts SET outcome = $2 WHERE id = $1::bigint AND outcome = 'pending'",
    [id, outcome],
  );
}

/** Attempts from `ip` since `since`, oldest first (only their times), whatever their outcome. */
export async function attemptsFromIp(db: Queryable, ip: string, since: Date): Promise<string[]> {
  const rows = await db.query<{ at: Date }>(
    'SELECT at FROM login_attempts WHERE ip = $1 AND at > $2 ORDER BY at',
    [ip, since.toISOString()],
  );
  return rows.map((row) => toIso(row.at));
}

/**
 * Failed passwords for `login` since `since` and after its last success, newest first. The
 * attempts still pending count: they may all be wrong, and a burst must not slip through.
 */
export async function failuresInARow(
  db: Queryable,
  login: string,
  since: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db.query<{ at: Date }>(
    `SELECT at FROM login_attempts
     WHERE login = $1 AND outcome IN ('failure', 'pending') AND at > $2
       AND id > coalesce((SELECT max(id) FROM login_attempts WHERE login = $1 AND outcome = 'success'), 0)
     ORDER BY id DESC LIMIT $3`,
    [login, since.toISOString(), limit],
  );
  return rows.map((row) => toIso(row.at));
}
