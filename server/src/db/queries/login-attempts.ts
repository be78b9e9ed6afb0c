/** The `login_attempts` table: one row per login attempt, kept a day (auth/login-guard.ts). */
import type { Queryable } from '../database';
import { toIso } from '../convert';

export type LoginOutcome = 'success' | 'failure' | 'refused';

const KEEP_MS = 24 * 60 * 60 * 1000; // 1 day, far beyond any window or lock

export async function insertLoginAttempt(
  db: Queryable,
  attempt: { at: Date; login: string; ip: string; outcome: LoginOutcome },
): Promise<void> {
  await db.query('DELETE FROM login_attempts WHERE at < $1', [
    new Date(attempt.at.getTime() - KEEP_MS).toISOString(),
  ]);
  await db.query('INSERT INTO login_attempts (at, login, ip, outcome) VALUES ($1, $2, $3, $4)', [
    attempt.at.toISOString(),
    attempt.login,
    attempt.ip,
    attempt.outcome,
  ]);
}

/** Attempts from `ip` since `since`, oldest first (only their times). */
export async function attemptsFromIp(db: Queryable, ip: string, since: Date): Promise<string[]> {
  const rows = await db.query<{ at: Date }>(
    'SELECT at FROM login_attempts WHERE ip = $1 AND at > $2 ORDER BY at',
    [ip, since.toISOString()],
  );
  return rows.map((row) => toIso(row.at));
}

/** Failed passwords for `login` since `since` and after its last success, newest first. */
export async function failuresInARow(
  db: Queryable,
  login: string,
  since: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db.query<{ at: Date }>(
    `SELECT at FROM login_attempts
     WHERE login = $1 AND outcome = 'failure' AND at > $2
       AND id > coalesce((SELECT max(id) FROM login_attempts WHERE login = $1 AND outcome = 'success'), 0)
     ORDER BY id DESC LIMIT $3`,
    [login, since.toISOString(), limit],
  );
  return rows.map((row) => toIso(row.at));
}
