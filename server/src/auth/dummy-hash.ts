import { randomBytes } from 'node:crypto';
import { hashPassword } from './password';

/** Owns one lazily computed hash for this process. */
let dummy: Promise<string> | undefined;

/**
 * A hash of a random password with the default parameters, checked when the login does not
 * exist, so a wrong login costs the same time as a wrong password and reveals nothing.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('base64url'));
  return dummy;
}
