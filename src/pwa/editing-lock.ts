/**
 * Which tabs have a form open, across the whole origin, through a shared Web Lock that each
 * such tab holds: the browser releases it when the tab closes or dies, so a crashed tab never
 * blocks an update. Used so an update is applied only when no tab is being typed in.
 */
const EDITING_LOCK = 'dernier-km-editing';

/** Holds the lock until the returned function is called. */
export function holdEditingLock(): () => void {
  if (!navigator.locks) return () => {};
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  void navigator.locks.request(EDITING_LOCK, { mode: 'shared' }, () => released);
  return release;
}

export async function isAnyTabEditing(): Promise<boolean> {
  if (!navigator.locks?.query) return false;
  const { held = [] } = await navigator.locks.query();
  return held.some((lock) => lock.name === EDITING_LOCK);
}
