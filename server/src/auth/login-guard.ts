import { createHash } from 'node:crypto';
import type { LoginGuardConfig } from '../config';
import type { Database, Queryable } from '../db/database';
import {
  attemptsFromIp,
  failuresInARow,
  forgetOldLoginAttempts,
  insertLoginAttempt,
  settleLoginAttempt,
} from '../db/queries/login-attempts';

export type LoginRefusal = { code: 'too_many_attempts' | 'login_locked'; retryAfterS: number };

export type LoginAdmission =
  | { kind: 'refused'; refusal: LoginRefusal }
  /** The password may be checked; `attemptId` is then settled with settleLoginOutcome. */
  | { kind: 'admitted'; attemptId: string };

type Attempt = { login: string; ip: string; now: Date };

/**
 * The first key of the advisory locks that serialise the admission of the attempts of one
 * login and of one address (db/migrate.ts uses the single-key space, which never overlaps).
 */
const LOGIN_GUARD_LOCK_CLASS = 4_100_001;

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
 *
 * The check and the row it leaves are one transaction holding an advisory lock on the login
 * and one on the address, so a burst of parallel requests is admitted one at a time: each
 * sees the attempts admitted before it, still `pending` while their password is hashed, and
 * counted as failures until settled. An attempt never counts itself, so the right password
 * alone is let in. A pending row left by a crash counts as one failure, for the lock only.
 * On PGlite, a single connection, the transaction alone already serialises the admissions.
 */
export async function admitLoginAttempt(
  db: Database,
  config: LoginGuardConfig,
  attempt: Attempt,
): Promise<LoginAdmission> {
  // Outside the locked transaction: deleting rows other admissions may also delete could
  // otherwise deadlock two of them on PostgreSQL.
  await forgetOldLoginAttempts(db, attempt.now);
  return db.transaction(async (tx) => {
    // Always in ascending order, so two admissions never wait for each other in a cycle.
    const keys = [lockKey('login', attempt.login), lockKey('ip', attempt.ip)].sort((a, b) => a - b);
    for (const key of new Set(keys)) {
      await tx.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [
        LOGIN_GUARD_LOCK_CLASS,
        key,
      ]);
    }
    const refusal = await refusalFor(tx, config, attempt);
    const attemptId = await insertLoginAttempt(tx, {
      at: attempt.now,
      login: attempt.login,
      ip: attempt.ip,
      outcome: refusal ? 'refused' : 'pending',
    });
    return refusal ? { kind: 'refused', refusal } : { kind: 'admitted', attemptId };
  });
}

export function settleLoginOutcome(
  db: Queryable,
  attemptId: string,
  outcome: 'success' | 'failure',
): Promise<void> {
  return settleLoginAttempt(db, attemptId, outcome);
}

/** An attempt decided without a password, e.g. a success when an administrator resets it. */
export async function recordLoginAttempt(
  db: Queryable,
  attempt: Attempt & { outcome: 'success' },
): Promise<void> {
  await forgetOldLoginAttempts(db, attempt.now);
  await insertLoginAttempt(db, {
    at: attempt.now,
    login: attempt.login,
    ip: attempt.ip,
    outcome: attempt.outcome,
  });
}

async function refusalFor(
  db: Queryable,
  config: LoginGuardConfig,
  attempt: Attempt,
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

/** A 32-bit key for the advisory lock of one login or one address. */
function lockKey(kind: 'login' | 'ip', value: string): number {
  return createHash('sha256').update(`${kind}\0${value}`).digest().readInt32BE(0);
}

function secondsUntil(timeMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((timeMs - nowMs) / 1000));
}
