import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles the ceiling with each failure', () => {
    const top = () => 1;
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, top))).toEqual(
      [1, 2, 4, 8].map((k) => k * BACKOFF_BASE_MS),
    );
  });

  it('never exceeds the maximum, however many failures', () => {
    expect(backoffDelay(50, () => 1)).toBe(BACKOFF_MAX_MS);
  });

  it('spreads retries between half the ceiling and the ceiling', () => {
    expect(backoffDelay(3, () => 0)).toBe(2 * BACKOFF_BASE_MS);
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(2 * BACKOFF_BASE_MS);
      expect(delay).toBeLessThanOrEqual(4 * BACKOFF_BASE_MS);
    }
  });
});
