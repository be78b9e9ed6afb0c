import { createHash } from 'node:crypto';

/**
 * A fixed UUID for a demo record, derived from its name: the same on every start, so seeding
 * again finds what it made before instead of adding a copy. Version 8 ("custom") says
 * honestly that it is not time-based like the UUIDv7 made by devices.
 */
export function demoUuid(name: string): string {
  const bytes = createHash('sha256').update(`dernier-km-demo:${name}`).digest().subarray(0, 16);
  bytes[6] = 0x80 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
