import { useEffect } from 'preact/hooks';

/** Hidden this long (app in the background, screen off), the app locks while still hidden. */
export const HIDDEN_LOCK_MS = 60 * 1000; // 1 minute
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/**
 * Locks after `idleMs` without a touch or a key, and once the app has been hidden for
 * `HIDDEN_LOCK_MS`: a timer started when the page is hidden drops the data key while it is
 * still hidden, so a tablet left in a bag does not keep it in memory. A background tab's
 * timers may be throttled, and a frozen or discarded page runs none, so the app also locks at
 * once when the page is frozen or hidden into the back-forward cache (`freeze`, `pagehide`),
 * and on return if the clock says either time has passed.
 */
export function useAutoLock(lock: () => void, idleMs: number): void {
  useEffect(() => {
    let lastActivityAt = Date.now();
    let idleTimer = setTimeout(lock, idleMs);
    let hiddenAt: number | undefined;
    let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
    const onActivity = () => {
      lastActivityAt = Date.now();
      clearTimeout(idleTimer);
      idleTimer = setTimeout(lock, idleMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt ??= Date.now();
        clearTimeout(hiddenTimer);
        hiddenTimer = setTimeout(lock, HIDDEN_LOCK_MS);
        return;
      }
      clearTimeout(hiddenTimer);
      const now = Date.now();
      const hiddenFor = hiddenAt === undefined ? 0 : now - hiddenAt;
      hiddenAt = undefined;
      if (hiddenFor >= HIDDEN_LOCK_MS || now - lastActivityAt >= idleMs) lock();
      else onActivity();
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    document.addEventListener('freeze', lock);
    window.addEventListener('pagehide', lock);
    return () => {
      clearTimeout(idleTimer);
      clearTimeout(hiddenTimer);
      for (const name of ACTIVITY_EVENTS)
        window.removeEventListener(name, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('freeze', lock);
      window.removeEventListener('pagehide', lock);
    };
  }, [lock, idleMs]);
}
