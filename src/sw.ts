/// <reference lib="webworker" />
// The service worker: the app shell precached, images cached as they are seen, and every
// navigation answered with the shell — except Firebase Auth's handler (/__/) and referral links
// (/r/), which must reach the server. A new version waits until the member chooses to reload.
import { CacheableResponsePlugin } from 'workbox-cacheable-response'
import { ExpirationPlugin } from 'workbox-expiration'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'

declare const self: ServiceWorkerGlobalScope

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/__\//, /^\/r\//],
  }),
)

// Reward pictures, the logo, and the QR decoder's wasm (staff screens) once it has been used.
registerRoute(
  ({ request, url }) => url.origin === self.location.origin && (request.destination === 'image' || url.pathname.endsWith('.wasm')),
  new CacheFirst({
    cacheName: 'moadon-assets',
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 30 * 86_400 })],
  }),
)

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})
