/**
 * The key hierarchy of the tablet (docs/SECURITY.md "Sur l'appareil"):
 * - a random 256-bit data key encrypts the sealed fields (aes-gcm-field-cipher.ts);
 * - it is stored only wrapped: by a key derived from the agent's PIN (PBKDF2-SHA256, random
 *   salt per device, 600,000 iterations or more), and by the recovery key the server gives the
 *   same agent on this tablet at each online login;
 * - key-encryption keys are non-extractable WebCrypto keys, used once and dropped.
 */
export const PBKDF2_ITERATIONS = 600_000; // OWASP 2023 for PBKDF2-HMAC-SHA256
const DATA_KEY_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;

type Bytes = Uint8Array<ArrayBuffer>;

export interface WrappedKey {
  iv: Bytes;
  ciphertext: Bytes;
}

const encoder = new TextEncoder();

export function newDataKey(): Bytes {
  return crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES));
}

export function newSalt(): Bytes {
  return crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/** The key-encryption key of a PIN: the slow step of an unlock, on purpose. */
export async function pinKey(
  pin: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The recovery key as the server sends it (32 bytes, base64url). */
export async function recoveryKey(base64url: string): Promise<CryptoKey> {
  const raw = Uint8Array.from(atob(base64url.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
    c.charCodeAt(0),
  );
  if (raw.length !== DATA_KEY_BYTES) throw new Error('Clé de récupération invalide');
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/**
 * Wraps the data key. `purpose` (e.g. `pin:<agent id>`) is bound as additional data, so a
 * wrapped key copied into another slot or for another agent does not open.
 */
export async function wrapDataKey(
  dataKey: Uint8Array,
  kek: CryptoKey,
  purpose: string,
): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(purpose) },
    kek,
    bytes(dataKey),
  );
  return { iv, ciphertext: new Uint8Array(ciphertext) };
}

/** The data key, or undefined when `kek` is not the key it was wrapped with (a wrong PIN). */
export async function unwrapDataKey(
  wrapped: WrappedKey,
  kek: CryptoKey,
  purpose: string,
): Promise<Uint8Array | undefined> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes(wrapped.iv), additionalData: encoder.encode(purpose) },
      kek,
      bytes(wrapped.ciphertext),
    );
    return new Uint8Array(plain);
  } catch (error) {
    // A wrong key fails the GCM tag check (by name: the DOMException class differs by realm).
    if ((error as { name?: unknown }).name === 'OperationError') return undefined;
    throw error;
  }
}

/** A copy backed by a plain ArrayBuffer, as WebCrypto's types ask. */
function bytes(view: Uint8Array): Bytes {
  return new Uint8Array(view);
}
