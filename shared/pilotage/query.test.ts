import { describe, expect, it } from 'vitest';
import { countCell, maskCount, percent } from './cells';
import { previousPeriod } from './query';

describe('previousPeriod', () => {
  it('compares a calendar year with the year before, leap or not', () => {
    expect(previousPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
  });

  it('compares whole months with the same months just before', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-05-31' })).toEqual({
      from: '2025-12-01',
      to: '2026-02-28',
    });
  });

  it('compares other periods with as many days just before', () => {
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-16' })).toEqual({
      from: '2026-03-03',
      to: '2026-03-09',
    });
  });
});

describe('masking', () => {
  it('masks counts of 1 to 4 persons, shows 0 and 5 or more', () => {
    expect([0, 1, 4, 5, 12].map(maskCount)).toEqual([0, null, null, 5, 12]);
    expect(countCell(3, 8)).toEqual({ value: null, previous: 8 });
  });

  it('masks a share computed from a masked count', () => {
    expect(percent(4, 10)).toBeNull();
    expect(percent(5, 10)).toBe(50);
    expect(percent(0, 0)).toBeNull();
  });
});
