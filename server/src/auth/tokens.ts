import { createHash, randomBytes } from 'node:crypto';

/** Device tokens: 32 random bytes, given once to the device, kept by the server as SHA-256. */
const TOKEN_BYTES = 32;

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
