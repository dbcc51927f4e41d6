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

// A message from the club (functions/src/messages/push.ts sends data only, already in the
// member's language): shown as a notification that opens the message's screen.
self.addEventListener('push', (event) => {
  let data: Record<string, unknown> = {}
  try {
    const payload = (event.data?.json() ?? {}) as { data?: Record<string, unknown> }
    data = payload.data ?? (payload as Record<string, unknown>)
  } catch {
    // Not ours (or not JSON): nothing to show.
    return
  }
  const title = typeof data.title === 'string' ? data.title : ''
  if (!title) return
  const link = typeof data.link === 'string' && data.link.startsWith('/') ? data.link : '/inbox'
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      icon: '/icons/icon-192.png',
      tag: typeof data.messageId === 'string' ? data.messageId : undefined,
      data: { link },
    }),
  )
})

// A tap opens the link in an open window of the app if there is one, or in a new one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const link = (event.notification.data as { link?: string } | null)?.link ?? '/inbox'
  const url = new URL(link.startsWith('/') ? link : '/inbox', self.location.origin).href
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin)
      if (open) {
        await open.focus()
        await open.navigate(url)
        return
      }
      await self.clients.openWindow(url)
    })(),
  )
})
