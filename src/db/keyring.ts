import { z } from 'zod';
import { uuidSchema } from '../../shared/schemas/common';
import { uuidv7 } from '../../shared/uuidv7';
import type { AppDB } from './AppDB';

/**
 * The `keyring` table: the one row of key material of this tablet, never encrypted itself
 * (it is what unlocks the rest). It holds the data key only wrapped (src/security/key-hierarchy.ts),
 * the PIN failure counter, and who the sealed records belong to.
 */
const bytesSchema = z.instanceof(Uint8Array);
const wrappedKeySchema = z.object({ iv: bytesSchema, ciphertext: bytesSchema });

export const keyringSchema = z.object({
  id: z.literal('device'),
  /** Random id of this installation, sent at login: the server keeps one recovery key per agent and installation. */
  installId: uuidSchema,
  /** The agent whose data key this is, so another agent never opens their records. */
  owner: z.object({ agentId: uuidSchema, login: z.string(), displayName: z.string() }).optional(),
  pin: wrappedKeySchema
    .extend({ salt: bytesSchema, iterations: z.number().int().positive() })
    .optional(),
  recovery: wrappedKeySchema.optional(),
  /** Wrong PINs in a row, and the device time (ms) before which no PIN is tried. */
  failures: z.number().int().nonnegative(),
  retryAt: z.number().optional(),
  /** Set by a wipe: the login screen says why the data is gone. */
  wiped: z.enum(['pin-failures', 'revoked']).optional(),
  idleLockMinutes: z.number().int().positive().optional(),
});
export type Keyring = z.infer<typeof keyringSchema>;

export const KEYRING_ID = 'device';
export const DEFAULT_IDLE_LOCK_MINUTES = 5;

export async function readKeyring(db: AppDB): Promise<Keyring | undefined> {
  const row = await db.keyring.get(KEYRING_ID);
  if (row === undefined) return undefined;
  const parsed = keyringSchema.safeParse(row);
  return parsed.success ? parsed.data : undefined;
}

/** The keyring, created with a fresh installation id the first time. */
export async function ensureKeyring(db: AppDB): Promise<Keyring> {
  return db.transaction('rw', db.keyring, async () => {
    const existing = await readKeyring(db);
    if (existing !== undefined) return existing;
    const created: Keyring = { id: KEYRING_ID, installId: uuidv7(), failures: 0 };
    await db.keyring.put(created);
    return created;
  });
}

export async function setIdleLockMinutes(db: AppDB, minutes: number): Promise<void> {
  await db.keyring.update(KEYRING_ID, { idleLockMinutes: minutes });
}
