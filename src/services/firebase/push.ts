// Web push for the inbox settings only: FCM's web SDK loads with that lazy screen, never on the
// card route. The token goes to the server (registerPushToken); the app's own service worker
// (src/sw.ts) shows what arrives.
import { deleteToken, getMessaging, getToken, isSupported } from 'firebase/messaging'
import { CALLABLES } from '@/domain/contracts/callables'
import { firebaseApp } from './app'
import { call } from './functions'

/** The club's public VAPID key (Firebase console → Cloud Messaging → Web Push certificates), when it has push. */
export const vapidKey: string = import.meta.env.VITE_FIREBASE_VAPID_KEY ?? ''

export type DeviceSupport = 'ready' | 'unsupported' | 'blocked'

/** Whether this browser can take notifications at all, and whether the member blocked them. */
export async function deviceSupport(): Promise<DeviceSupport> {
  if (!('Notification' in window) || !('serviceWorker' in navigator) || !(await isSupported())) return 'unsupported'
  return Notification.permission === 'denied' ? 'blocked' : 'ready'
}

/** Whether this device already gives its token to the club (permission granted and a token held). */
export async function deviceToken(): Promise<string | null> {
  if ((await deviceSupport()) !== 'ready' || Notification.permission !== 'granted') return null
  const registration = await navigator.serviceWorker.ready
  return getToken(getMessaging(firebaseApp), { vapidKey, serviceWorkerRegistration: registration })
}

/** Asks for permission (a tap started it), then registers this device's token for the member. */
export async function enableDevice(): Promise<'on' | 'blocked'> {
  if ((await Notification.requestPermission()) !== 'granted') return 'blocked'
  const token = await deviceToken()
  if (!token) return 'blocked'
  await call(CALLABLES.registerPushToken, { token })
  return 'on'
}

/** Stops notifications here: the server forgets the token, and FCM retires it. */
export async function disableDevice(): Promise<void> {
  const token = await deviceToken()
  if (!token) return
  await call(CALLABLES.unregisterPushToken, { token })
  await deleteToken(getMessaging(firebaseApp))
}

/** Signing out: FCM retires this device's token (no call, the member is gone); the server forgets it on its next send. */
export async function retireDevice(): Promise<void> {
  if ((await deviceSupport()) !== 'ready' || Notification.permission !== 'granted') return
  await deleteToken(getMessaging(firebaseApp))
}
