/**
 * The browser's storage manager: asking that this origin's data be kept under storage
 * pressure, and reading how much space is used. Chromium grants persistence silently to an
 * installed app; Safari and Firefox decide by heuristics or ask.
 */
export const STORAGE_WARN_RATIO = 0.8; // warn when 80 % of the quota is used

export interface StorageState {
  persisted: boolean;
  usageBytes?: number;
  quotaBytes?: number;
}

export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}

export async function readStorageState(): Promise<StorageState> {
  if (!navigator.storage) return { persisted: false };
  const [persisted, estimate] = await Promise.all([
    navigator.storage.persisted?.() ?? Promise.resolve(false),
    navigator.storage.estimate?.() ?? Promise.resolve(undefined),
  ]);
  return { persisted, usageBytes: estimate?.usage, quotaBytes: estimate?.quota };
}

export function isNearlyFull(state: StorageState): boolean {
  return (
    state.usageBytes !== undefined &&
    state.quotaBytes !== undefined &&
    state.quotaBytes > 0 &&
    state.usageBytes / state.quotaBytes >= STORAGE_WARN_RATIO
  );
}
