import { usePwaStore } from '@/stores/pwa'

const HOUR = 60 * 60 * 1000

/**
 * Registers the service worker (production builds only) once the app is running. A new version
 * waits until the member taps "Reload"; updates are looked for when the app comes back to the
 * foreground and every hour.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  // workbox-window is not needed to paint the card: it comes after.
  const { Workbox } = await import('workbox-window')
  const wb = new Workbox('/sw.js', { scope: '/' })
  const pwa = usePwaStore()
  wb.addEventListener('waiting', () => {
    pwa.offerUpdate(() => {
      wb.addEventListener('controlling', () => window.location.reload())
      wb.messageSkipWaiting()
    })
  })
  void wb.register().then(() => {
    const check = () => void wb.update().catch(() => undefined)
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check())
    window.setInterval(check, HOUR)
  })
}
