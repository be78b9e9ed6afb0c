import {
  newDataKey,
  newSalt,
  PBKDF2_ITERATIONS,
  pinKey,
  recoveryKey,
  unwrapDataKey,
  wrapDataKey,
  type WrappedKey,
} from '../security/key-hierarchy';
import { MAX_PIN_FAILURES, pinProblem, pinRetryDelayMs } from '../security/pin-policy';
import { SEALED_TABLES } from '../security/sealed-tables';
import type { AppDB } from './AppDB';
import { ensureKeyring, KEYRING_ID, readKeyring, type Keyring } from './keyring';
import { countUnsentMutations } from './outbox';
import { wipePersonalData } from './wipe';

/**
 * The unlock steps that need WebCrypto: choosing a PIN, unlocking with it, and opening the data
 * key at an online login. Loaded with the lock screens and at login, never on the first screen.
 */

const pinPurpose = (agentId: string) => `pin:${agentId}`;
const recoveryPurpose = (agentId: string) => `recovery:${agentId}`;

export async function openVault(db: AppDB, dataKey: Uint8Array, agentId: string): Promise<void> {
  const { createAesGcmFieldCipher } = await import('../security/aes-gcm-field-cipher');
  db.vault.open(dataKey, createAesGcmFieldCipher(dataKey), agentId);
}

export class RecoveryError extends Error {
  constructor() {
    super('Les enregistrements non envoyés de cette tablette ne peuvent pas être déchiffrés.');
    this.name = 'RecoveryError';
  }
}

export interface LoginKeys {
  dataKey: Uint8Array;
  recovery: WrappedKey | undefined;
  /** False when the tablet held another agent's data key (or none): start from a new one. */
  sameOwner: boolean;
}

/**
 * The data key for the agent who just logged in online, computed before the session
 * transaction (WebCrypto cannot run inside one). The same agent gets their key back: from
 * memory if unlocked, else unwrapped with the recovery key the server just gave (after a wipe
 * or a forgotten PIN). Another agent gets a new key; their login then clears the previous
 * agent's data, or is refused while it holds unsent work (db/session.ts).
 */
export async function loginKeys(
  db: AppDB,
  ring: Keyring,
  agentId: string,
  legacyAgentId: string | undefined,
  recoveryKeyText: string | undefined,
): Promise<LoginKeys> {
  const kek = recoveryKeyText === undefined ? undefined : await recoveryKey(recoveryKeyText);
  let sameOwner = (ring.owner?.agentId ?? legacyAgentId) === agentId;
  let dataKey: Uint8Array | undefined;
  if (sameOwner) {
    const inMemory = db.vault.dataKey;
    dataKey = inMemory === undefined ? undefined : new Uint8Array(inMemory);
    if (dataKey === undefined && kek !== undefined && ring.recovery !== undefined)
      dataKey = await unwrapDataKey(ring.recovery, kek, recoveryPurpose(agentId));
    if (dataKey === undefined && ring.owner !== undefined) {
      // The key of the sealed records is lost (no recovery copy, or the server's changed).
      if ((await countUnsentMutations(db)) + (await db.drafts.count()) > 0)
        throw new RecoveryError();
      sameOwner = false;
    }
  }
  dataKey ??= newDataKey();
  const recovery =
    kek === undefined ? undefined : await wrapDataKey(dataKey, kek, recoveryPurpose(agentId));
  return { dataKey, recovery, sameOwner };
}

/** Sets the agent's PIN: the data key in memory is wrapped with it (no data re-encrypted). */
export async function choosePin(
  db: AppDB,
  pin: string,
  legacyOwner?: Keyring['owner'],
): Promise<void> {
  const problem = pinProblem(pin);
  if (problem !== null) throw new Error(problem);
  const ring = await ensureKeyring(db);
  const owner = ring.owner ?? legacyOwner;
  if (owner === undefined) throw new Error('Aucun agent connecté sur cette tablette.');
  // A device that held clear data before this version gets its first data key here.
  if (db.vault.dataKey === undefined) await openVault(db, newDataKey(), owner.agentId);
  const dataKey = db.vault.dataKey!;
  const salt = newSalt();
  const wrapped = await wrapDataKey(
    dataKey,
    await pinKey(pin, salt, PBKDF2_ITERATIONS),
    pinPurpose(owner.agentId),
  );
  await db.keyring.update(KEYRING_ID, {
    owner,
    pin: { ...wrapped, salt, iterations: PBKDF2_ITERATIONS },
    failures: 0,
    retryAt: undefined,
    wiped: undefined,
  });
  await sealExistingRows(db);
}

export type UnlockResult =
  | { status: 'unlocked' }
  | { status: 'wait'; retryAt: number }
  | { status: 'wrong'; remaining: number; retryAt: number | undefined }
  | { status: 'wiped' };

/**
 * Tries a PIN. A wrong one counts (in IndexedDB, so closing the tab does not reset it), makes
 * the next try wait longer, and the tenth in a row wipes the personal data (wipe.ts).
 */
export async function unlockWithPin(
  db: AppDB,
  pin: string,
  now: number = Date.now(),
): Promise<UnlockResult> {
  const ring = await readKeyring(db);
  if (ring?.pin === undefined || ring.owner === undefined) return { status: 'wiped' };
  if (ring.retryAt !== undefined && now < ring.retryAt)
    return { status: 'wait', retryAt: ring.retryAt };
  const kek = await pinKey(pin, ring.pin.salt, ring.pin.iterations);
  const dataKey = await unwrapDataKey(ring.pin, kek, pinPurpose(ring.owner.agentId));
  if (dataKey !== undefined) {
    await openVault(db, dataKey, ring.owner.agentId);
    await db.keyring.update(KEYRING_ID, { failures: 0, retryAt: undefined });
    return { status: 'unlocked' };
  }
  const failures = ring.failures + 1;
  if (failures >= MAX_PIN_FAILURES) {
    await wipePersonalData(db, 'pin-failures');
    return { status: 'wiped' };
  }
  const delay = pinRetryDelayMs(failures);
  const retryAt = delay > 0 ? now + delay : undefined;
  await db.keyring.update(KEYRING_ID, { failures, retryAt });
  return { status: 'wrong', remaining: MAX_PIN_FAILURES - failures, retryAt };
}

/**
 * Rewrites every row of the sealed tables through the encryption layer, so rows stored in
 * clear by an app version before encryption (or seeded raw) get sealed. Idempotent: a sealed
 * row comes back decrypted and is sealed again with a new IV.
 */
export async function sealExistingRows(db: AppDB): Promise<void> {
  for (const name of Object.keys(SEALED_TABLES)) {
    const table = db.tables.find((candidate) => candidate.name === name);
    if (table === undefined) continue;
    await db.transaction('rw', table, async () => {
      await table.bulkPut(await table.toArray());
    });
  }
}
