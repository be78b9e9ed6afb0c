import { gcm } from '@noble/ciphers/aes.js';
import type { FieldCipher } from './field-cipher';

const IV_BYTES = 12; // 96-bit random IV per record, as NIST SP 800-38D recommends for GCM
const FORMAT_V1 = 1;
/** 341 IVs per draw: one `getRandomValues` costs tens of microseconds in Chromium. */
const IV_POOL_BYTES = 4_092;

let ivPool = new Uint8Array(0);
let ivPoolOffset = 0;

/**
 * A fresh random IV. IVs are public (stored beside their ciphertext) and each byte of the pool
 * is handed out once, so drawing them in blocks changes nothing to their randomness.
 */
function randomIv(): Uint8Array {
  if (ivPoolOffset + IV_BYTES > ivPool.length) {
    ivPool = crypto.getRandomValues(new Uint8Array(IV_POOL_BYTES));
    ivPoolOffset = 0;
  }
  const iv = ivPool.slice(ivPoolOffset, ivPoolOffset + IV_BYTES);
  ivPoolOffset += IV_BYTES;
  return iv;
}

/**
 * AES-256-GCM over the data key: the audited @noble/ciphers implementation where it must be
 * synchronous, WebCrypto (the same algorithm and format, with a non-extractable copy of the key)
 * for batches (see field-cipher.ts). Each blob is `[format, iv(12), ciphertext + tag(16)]`; the
 * context (table and primary key) is the additional data, so a blob moved to another row fails
 * to open. Loaded on first unlock only, so it never weighs on the first screen.
 */
export function createAesGcmFieldCipher(dataKey: Uint8Array): FieldCipher {
  let webKey: Promise<CryptoKey> | undefined;
  return {
    seal(plain, context) {
      const iv = randomIv();
      const body = gcm(dataKey, iv, context).encrypt(plain);
      const out = new Uint8Array(1 + IV_BYTES + body.length);
      out[0] = FORMAT_V1;
      out.set(iv, 1);
      out.set(body, 1 + IV_BYTES);
      return out;
    },
    open(sealed, context) {
      if (sealed[0] !== FORMAT_V1) throw new Error('Format de chiffrement inconnu');
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      return gcm(dataKey, iv, context).decrypt(sealed.subarray(1 + IV_BYTES));
    },
    async openMany(items) {
      webKey ??= crypto.subtle.importKey('raw', new Uint8Array(dataKey), 'AES-GCM', false, [
        'decrypt',
      ]);
      const key = await webKey;
      return Promise.all(
        items.map(async ({ sealed, context }) => {
          if (sealed[0] !== FORMAT_V1) throw new Error('Format de chiffrement inconnu');
          // Views, not copies: WebCrypto copies what it is given before it starts.
          const plain = await crypto.subtle.decrypt(
            {
              name: 'AES-GCM',
              iv: onBuffer(sealed, 1, 1 + IV_BYTES),
              additionalData: onBuffer(context, 0),
            },
            key,
            onBuffer(sealed, 1 + IV_BYTES),
          );
          return new Uint8Array(plain);
        }),
      );
    },
  };
}

/**
 * A view of part of `bytes` typed for WebCrypto, which takes views of an `ArrayBuffer` only: a
 * row read from IndexedDB never lives in a `SharedArrayBuffer`, and one that did is copied.
 */
function onBuffer(bytes: Uint8Array, start: number, end?: number): Uint8Array<ArrayBuffer> {
  const view = bytes.subarray(start, end);
  return view.buffer instanceof ArrayBuffer
    ? (view as Uint8Array<ArrayBuffer>)
    : new Uint8Array(view);
}
