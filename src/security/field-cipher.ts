/**
 * Encrypts and decrypts the sealed part of a row. `seal` and `open` are synchronous on purpose:
 * IndexedDB commits a transaction as soon as it waits on anything but its own requests, so
 * inside a transaction the encryption layer under Dexie cannot await WebCrypto between two reads
 * or writes. `openMany` is for reads that end their transaction (a list): native WebCrypto, all
 * rows at once.
 */
export interface FieldCipher {
  seal(plain: Uint8Array, context: Uint8Array): Uint8Array;
  /** Throws when the blob was not sealed with this key and context (tampered or swapped). */
  open(sealed: Uint8Array, context: Uint8Array): Uint8Array;
  openMany(items: readonly { sealed: Uint8Array; context: Uint8Array }[]): Promise<Uint8Array[]>;
}
