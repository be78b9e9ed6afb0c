import type { LoginGuardConfig } from '../config';
import type { Queryable } from '../db/database';
import {
  attemptsFromIp,
  failuresInARow,
  insertLoginAttempt,
  type LoginOutcome,
} from '../db/queries/login-attempts';

export type LoginRefusal = { code: 'too_many_attempts' | 'login_locked'; retryAfterS: number };

/**
 * Decides whether a login attempt may be checked at all, before any password hashing:
 * - per client address, at most `maxAttemptsPerIp` attempts per window, whatever their
 *   outcome (password spraying over many logins);
 * - per login, `maxFailuresPerLogin` wrong passwords in a row lock it for `lockMs` after the
 *   last one (guessing one agent's password). Unknown logins lock the same way, so a lock
 *   says nothing about whether a login exists. Refused attempts do not extend a lock, so an
 *   attacker cannot keep an agent out for ever by trying on.
 * Both answer with the seconds to wait (Retry-After). The counters are rows in the database,
 * shared by every server instance.
 */
export async function checkLoginAllowed(
  db: Queryable,
  config: LoginGuardConfig,
  attempt: { login: string; ip: string; now: Date },
): Promise<LoginRefusal | undefined> {
  const now = attempt.now.getTime();
  const fromIp = await attemptsFromIp(db, attempt.ip, new Date(now - config.windowMs));
  if (fromIp.length >= config.maxAttemptsPerIp) {
    const frees = Date.parse(fromIp[fromIp.length - config.maxAttemptsPerIp]!) + config.windowMs;
    return { code: 'too_many_attempts', retryAfterS: secondsUntil(frees, now) };
  }
  const failures = await failuresInARow(
    db,
    attempt.login,
    new Date(now - config.lockMs),
    config.maxFailuresPerLogin,
  );
  if (failures.length >= config.maxFailuresPerLogin) {
    return {
      code: 'login_locked',
      retryAfterS: secondsUntil(Date.parse(failures[0]!) + config.lockMs, now),
    };
  }
  return undefined;
}

export function recordLoginAttempt(
  db: Queryable,
  attempt: { login: string; ip: string; now: Date; outcome: LoginOutcome },
): Promise<void> {
  return insertLoginAttempt(db, {
    at: attempt.now,
    login: attempt.login,
    ip: attempt.ip,
    outcome: attempt.outcome,
  });
}

function secondsUntil(timeMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((timeMs - nowMs) / 1000));
}
