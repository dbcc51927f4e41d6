/// <reference lib="webworker" />
// The service worker: the app shell precached, images cached as they are seen, and every
// navigation answered with the shell — except Firebase Auth's handler (/__/), referral links
// (/r/), members' photos (/p/), shared badges (/b/) and shared posts (/s/), which must reach the server. A new
// version waits until the member chooses to reload.
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
    // Served by functions or as files, never by the app shell: Firebase Auth's handler, shared
    // links, photos, the landing page's data, robots.txt.
    denylist: [/^\/__\//, /^\/r\//, /^\/p\//, /^\/b\//, /^\/s\//, /^\/club\//, /^\/robots\.txt$/],
  }),
)

// Members' photos (/p/<id>, /p/<id>/thumb): their bytes never change under an id, so the first
// copy is kept; a bounded cache of its own, so photos never push the club's pictures out.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/p/'),
  new CacheFirst({
    cacheName: 'moadon-photos',
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 86_400, purgeOnQuotaError: true })],
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
