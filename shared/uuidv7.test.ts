import { describe, expect, it } from 'vitest';
import { uuidv7 } from './uuidv7';

describe('uuidv7', () => {
  it('makes RFC 9562 version 7 ids carrying the creation time', () => {
    const id = uuidv7(Date.UTC(2026, 10, 23, 10, 0, 0));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 23, 10, 0, 0));
  });

  it('keeps ids made in the same millisecond in increasing order', () => {
    const ids = Array.from({ length: 2000 }, () => uuidv7(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never goes backwards when the clock does', () => {
    const later = uuidv7(1_800_000_001_000);
    const earlier = uuidv7(1_800_000_000_000);
    expect(earlier > later).toBe(true);
  });
});
