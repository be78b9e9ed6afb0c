import type { FieldCipher } from '../security/field-cipher';

/** Per table, enough for a push batch being answered, the next one read ahead, and a list. */
const MAX_ENTRIES = 2_000;

interface Opened {
  sealed: Uint8Array;
  json: string;
}

/**
 * The plaintexts of one table's most recently opened or sealed blobs, by primary key, for as
 * long as one unlock lasts: the cache belongs to the cipher object, which the vault drops on
 * lock, so nothing outlives the lock.
 *
 * `recall` answers only for the very blob it was given (compared byte for byte: every blob
 * has its own random IV), so a row changed since, by this tab or another, is opened again.
 * It spares the synchronous decryption of rows a read-write transaction reads back (a push
 * storing 500 receipts), after a read-only read opened them with WebCrypto; and `reusable`
 * spares encrypting again a row written back with the same personal fields (the blob already
 * on disk is kept, which tells nothing new).
 */
export class RecentPlaintexts {
  readonly #byCipher = new WeakMap<FieldCipher, Map<string, Opened>>();

  remember(cipher: FieldCipher, key: string, sealed: Uint8Array, json: string): void {
    let entries = this.#byCipher.get(cipher);
    if (entries === undefined) {
      entries = new Map();
      this.#byCipher.set(cipher, entries);
    }
    entries.delete(key);
    entries.set(key, { sealed, json });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }

  /** The plaintext of exactly this blob, if it was opened or sealed lately. */
  recall(cipher: FieldCipher, key: string, sealed: Uint8Array): string | undefined {
    const hit = this.#byCipher.get(cipher)?.get(key);
    return hit !== undefined && sameBytes(hit.sealed, sealed) ? hit.json : undefined;
  }

  /** A blob already holding exactly this plaintext for this key, if one is known. */
  reusable(cipher: FieldCipher, key: string, json: string): Uint8Array | undefined {
    const hit = this.#byCipher.get(cipher)?.get(key);
    return hit?.json === json ? hit.sealed : undefined;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
