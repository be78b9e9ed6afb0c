import { describe, expect, it } from 'vitest';
import { createAesGcmFieldCipher } from './aes-gcm-field-cipher';
import { newDataKey } from './key-hierarchy';

const encoder = new TextEncoder();
const context = encoder.encode('visits\u00001');

describe('the AES-GCM field cipher', () => {
  it('gives every blob its own IV, across several draws of the random pool, and opens each', () => {
    const cipher = createAesGcmFieldCipher(newDataKey());
    const blobs = Array.from({ length: 1_000 }, (_, i) =>
      cipher.seal(encoder.encode(`réponse ${i}`), context),
    );
    const ivs = new Set(blobs.map((blob) => Buffer.from(blob.subarray(1, 13)).toString('hex')));
    expect(ivs.size).toBe(blobs.length);
    blobs.forEach((blob, i) =>
      expect(new TextDecoder().decode(cipher.open(blob, context))).toBe(`réponse ${i}`),
    );
  });

  it('opens with WebCrypto what it sealed synchronously, and refuses a blob moved to another row', async () => {
    const cipher = createAesGcmFieldCipher(newDataKey());
    const blob = cipher.seal(encoder.encode('notes'), context);
    const [plain] = await cipher.openMany([{ sealed: blob, context }]);
    expect(new TextDecoder().decode(plain)).toBe('notes');
    expect(() => cipher.open(blob, encoder.encode('visits\u00002'))).toThrow();
  });

  it('opens with WebCrypto a blob and a context that are views into larger buffers', async () => {
    const cipher = createAesGcmFieldCipher(newDataKey());
    const blob = cipher.seal(encoder.encode('notes'), context);
    const within = (bytes: Uint8Array) => {
      const buffer = new Uint8Array(bytes.length + 10);
      buffer.set(bytes, 7);
      return buffer.subarray(7, 7 + bytes.length);
    };
    const [plain] = await cipher.openMany([{ sealed: within(blob), context: within(context) }]);
    expect(new TextDecoder().decode(plain)).toBe('notes');
    await expect(
      cipher.openMany([{ sealed: within(blob), context: within(encoder.encode('visits\u00002')) }]),
    ).rejects.toThrow();
  });
});
