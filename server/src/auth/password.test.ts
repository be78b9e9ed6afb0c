import { describe, expect, it } from 'vitest';
import { hashPassword, type ScryptParams, verifyPassword } from './password';

/** Cheaper than production so the suite stays fast; the code path is the same. */
const FAST: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the password it hashed and refuses another', async () => {
    const hash = await hashPassword('demo-dernier-km', FAST);
    expect(await verifyPassword('demo-dernier-km', hash)).toBe(true);
    expect(await verifyPassword('demo-dernier-kM', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('stores the scheme and parameters with a fresh salt each time', async () => {
    const a = await hashPassword('même mot de passe', FAST);
    const b = await hashPassword('même mot de passe', FAST);
    expect(a).toMatch(/^scrypt\$4096\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('même');
  });

  it('uses the production parameters by default', async () => {
    const hash = await hashPassword('x');
    expect(hash.startsWith('scrypt$32768$8$3$')).toBe(true);
    expect(await verifyPassword('x', hash)).toBe(true);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const hash = await hashPassword('Clémence', FAST);
    expect(await verifyPassword('Cle\u0301mence', hash)).toBe(true);
  });

  it.each(['', 'plain', 'bcrypt$10$abc', 'scrypt$0$8$1$c2FsdA$a2V5', 'scrypt$4096$8$1$c2FsdA$'])(
    'refuses a stored hash it cannot read: %j',
    async (stored) => {
      expect(await verifyPassword('anything', stored)).toBe(false);
    },
  );
});
