/**
 * Delay before the next retry after `failures` consecutive failures: exponential, capped, and
 * jittered between half the cap and the cap, so that 600 tablets coming back online at 9 a.m.
 * do not hit the server in lockstep, yet none retries at once in a tight loop.
 */
export const BACKOFF_BASE_MS = 2_000; // 2 seconds
export const BACKOFF_MAX_MS = 5 * 60 * 1000; // 5 minutes

export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(cap * (0.5 + random() / 2));
}
