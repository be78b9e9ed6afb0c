import { describe, expect, it } from 'vitest';
import { createAesGcmFieldCipher } from './aes-gcm-field-cipher';
import {
  newDataKey,
  newSalt,
  pinKey,
  recoveryKey,
  unwrapDataKey,
  wrapDataKey,
} from './key-hierarchy';
import { pinProblem, pinRetryDelayMs } from './pin-policy';

// Unit tests use few iterations: the production count (600,000) is measured by `npm run bench`.
const FAST_ITERATIONS = 1_000;
const encoder = new TextEncoder();

describe('key hierarchy', () => {
  it('unwraps the data key with the right PIN only', async () => {
    const dataKey = newDataKey();
    const salt = newSalt();
    const wrapped = await wrapDataKey(
      dataKey,
      await pinKey('482915', salt, FAST_ITERATIONS),
      'pin:a',
    );
    // The key's bytes appear nowhere in the wrap (any byte alone may, by chance: 1 in 6).
    expect(Buffer.from(wrapped.ciphertext).includes(Buffer.from(dataKey.subarray(0, 8)))).toBe(
      false,
    );
    const right = await unwrapDataKey(
      wrapped,
      await pinKey('482915', salt, FAST_ITERATIONS),
      'pin:a',
    );
    expect(right).toEqual(dataKey);
    expect(
      await unwrapDataKey(wrapped, await pinKey('482916', salt, FAST_ITERATIONS), 'pin:a'),
    ).toBeUndefined();
    // Same PIN, another salt: another key.
    expect(
      await unwrapDataKey(wrapped, await pinKey('482915', newSalt(), FAST_ITERATIONS), 'pin:a'),
    ).toBeUndefined();
  });

  it('binds a wrapped key to its purpose, so it does not open for another agent', async () => {
    const dataKey = newDataKey();
    const kek = await recoveryKey(Buffer.from(newDataKey()).toString('base64url'));
    const wrapped = await wrapDataKey(dataKey, kek, 'recovery:agent-a');
    expect(await unwrapDataKey(wrapped, kek, 'recovery:agent-a')).toEqual(dataKey);
    expect(await unwrapDataKey(wrapped, kek, 'recovery:agent-b')).toBeUndefined();
  });

  it('refuses a recovery key that is not 32 bytes', async () => {
    await expect(recoveryKey(Buffer.from('court').toString('base64url'))).rejects.toThrow(
      'Clé de récupération invalide',
    );
  });

  it('seals fields with a new IV each time, and refuses a blob moved to another row', () => {
    const cipher = createAesGcmFieldCipher(newDataKey());
    const plain = encoder.encode('{"answers":{"personName":"Jeanne Martin"}}');
    const row1 = encoder.encode('visits\u0000id-1');
    const first = cipher.seal(plain, row1);
    const second = cipher.seal(plain, row1);
    expect(first).not.toEqual(second);
    expect(new TextDecoder().decode(cipher.open(first, row1))).toContain('Jeanne Martin');
    expect(() => cipher.open(first, encoder.encode('visits\u0000id-2'))).toThrow();
    expect(() => createAesGcmFieldCipher(newDataKey()).open(first, row1)).toThrow();
  });
});

describe('PIN policy', () => {
  it('asks for 6 to 12 digits, not one repeated digit nor a plain sequence', () => {
    expect(pinProblem('48291')).toMatch(/au moins 6/);
    expect(pinProblem('48a915')).toMatch(/que des chiffres/);
    expect(pinProblem('111111')).toMatch(/répéter/);
    expect(pinProblem('123456')).toMatch(/suite/);
    expect(pinProblem('987654')).toMatch(/suite/);
    expect(pinProblem('4829150371924')).toMatch(/au plus 12/);
    expect(pinProblem('482915')).toBeNull();
  });

  it('lets three slips pass, then doubles the wait up to five minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(pinRetryDelayMs)).toEqual([
      0, 0, 5_000, 10_000, 20_000, 40_000, 300_000,
    ]);
  });
});
