import type { Workbox } from 'workbox-window';

/**
 * The bridge between the page and the service worker (src/sw.ts). It registers the worker,
 * checks for a new version every hour and when asked, and tells the UI when one is waiting.
 * It never activates a new version by itself: the UI calls `applyUpdate()` when no form is
 * being edited, and the page reloads once the new worker controls it. workbox-window is loaded
 * after the app has started, not with it: registering can wait a few milliseconds.
 */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000; // 1 hour

export interface AppUpdates {
  onUpdateReady(listener: () => void): () => void;
  /** A version accepted in another tab now controls this one: this tab runs old code. */
  onReloadNeeded(listener: () => void): () => void;
  applyUpdate(): void;
}

export function registerServiceWorker(): AppUpdates {
  const listeners = new Set<() => void>();
  const reloadListeners = new Set<() => void>();
  let waiting = false;
  let reloadNeeded = false;
  let updateRequested = false;
  let workbox: Workbox | undefined;

  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    void import('workbox-window').then(({ Workbox }) => {
      const registered = new Workbox('/sw.js', { scope: '/' });
      workbox = registered;
      registered.addEventListener('waiting', () => {
        waiting = true;
        listeners.forEach((listener) => listener());
      });
      // The first install also takes control (clientsClaim): only a version the agent accepted
      // reloads the page, never one arriving in the middle of typing.
      registered.addEventListener('controlling', (event) => {
        if (updateRequested) window.location.reload();
        else if (event.isUpdate) {
          reloadNeeded = true;
          reloadListeners.forEach((listener) => listener());
        }
      });
      void registered.register();
      setInterval(() => void registered.update(), UPDATE_CHECK_INTERVAL_MS);
    });
  }

  return {
    onUpdateReady(listener) {
      listeners.add(listener);
      if (waiting) listener();
      return () => listeners.delete(listener);
    },
    onReloadNeeded(listener) {
      reloadListeners.add(listener);
      if (reloadNeeded) listener();
      return () => reloadListeners.delete(listener);
    },
    applyUpdate() {
      updateRequested = true;
      workbox?.messageSkipWaiting();
    },
  };
}
