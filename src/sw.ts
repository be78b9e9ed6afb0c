/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

/**
 * The service worker: precaches the app shell so the app opens with no network, and answers
 * navigations with the cached index.html. It never caches /api/: the device's data lives in
 * IndexedDB (src/db/), and a cached API answer would show stale data as fresh.
 *
 * A new version waits until the page asks it to take over (src/pwa/), so an update never
 * reloads a form that is being filled.
 */
declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// Take control of open pages as soon as this version is active: on first install that makes
// the app work offline without a reload; later versions only activate when the agent accepts.
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/fiche\//],
  }),
);

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
