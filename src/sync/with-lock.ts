/**
 * Runs `job` only if no other tab (or worker) of this origin is running it, using the Web
 * Locks API: the lock is released when the job ends or its tab dies, so a crashed tab never
 * blocks the others. Returns false when another holder had it. Where Web Locks are missing
 * (old browsers, Node), a per-process flag does the same within this process.
 */
const heldHere = new Set<string>();

export async function withLockIfAvailable(
  name: string,
  job: () => Promise<void>,
): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks) {
    return locks.request(name, { ifAvailable: true }, async (lock) => {
      if (lock === null) return false;
      await job();
      return true;
    });
  }
  if (heldHere.has(name)) return false;
  heldHere.add(name);
  try {
    await job();
    return true;
  } finally {
    heldHere.delete(name);
  }
}
