import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('pull cursor', () => {
  it('decodes what it encodes', () => {
    for (const seq of [0, 1, 42, 1_000_000, Number.MAX_SAFE_INTEGER]) {
      expect(decodeCursor(encodeCursor(seq))).toBe(seq);
    }
  });

  it('is base64url of {"v":1,"seq":N}, without padding', () => {
    const cursor = encodeCursor(123);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).toEqual({
      v: 1,
      seq: 123,
    });
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc$%'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['another version', Buffer.from('{"v":2,"seq":1}').toString('base64url')],
    ['a negative seq', Buffer.from('{"v":1,"seq":-1}').toString('base64url')],
    ['a fractional seq', Buffer.from('{"v":1,"seq":1.5}').toString('base64url')],
    ['a seq as string', Buffer.from('{"v":1,"seq":"1"}').toString('base64url')],
    ['a bare number', Buffer.from('5').toString('base64url')],
  ])('refuses a cursor that is %s', (_label, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });
});
