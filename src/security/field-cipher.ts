/**
 * Encrypts and decrypts the sealed part of a row. Synchronous on purpose: IndexedDB commits a
 * transaction as soon as it waits on anything but its own requests, so the encryption layer
 * under Dexie cannot await WebCrypto between two reads or writes of one transaction.
 */
export interface FieldCipher {
  seal(plain: Uint8Array, context: Uint8Array): Uint8Array;
  /** Throws when the blob was not sealed with this key and context (tampered or swapped). */
  open(sealed: Uint8Array, context: Uint8Array): Uint8Array;
}
