import { useEffect } from 'preact/hooks';

/** Hidden this long (app in the background, screen off), the app locks on return. */
export const HIDDEN_LOCK_MS = 60 * 1000; // 1 minute
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/**
 * Locks after `idleMs` without a touch or a key, and when the app comes back after being
 * hidden for `HIDDEN_LOCK_MS` or more (timers may not run in the background).
 */
export function useAutoLock(lock: () => void, idleMs: number): void {
  useEffect(() => {
    let timer = setTimeout(lock, idleMs);
    let hiddenAt: number | undefined;
    const onActivity = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, idleMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
        return;
      }
      const hiddenFor = hiddenAt === undefined ? 0 : Date.now() - hiddenAt;
      hiddenAt = undefined;
      if (hiddenFor >= HIDDEN_LOCK_MS) lock();
      else onActivity();
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS)
        window.removeEventListener(name, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [lock, idleMs]);
}
