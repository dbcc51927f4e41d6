import { defineStore } from 'pinia'
import { ref } from 'vue'
import { forget, onForgetAll, recall, remember } from '@/services/device-storage'
import { useSessionStore } from './session'

export type DeviceState = 'checking' | 'off' | 'on' | 'blocked' | 'unsupported'

// Which member turned notifications on in this device (so the settings screen never turns them
// on by just looking, and a second member on the device starts from "off").
const REMEMBERED = 'push-device'

/**
 * Notifications on this device, where the club has web push (its build carries
 * VITE_FIREBASE_VAPID_KEY). FCM's SDK is loaded only when the member opens the inbox settings
 * in such a club, never on the card route.
 */
export const usePushStore = defineStore('push', () => {
  const session = useSessionStore()
  const available = Boolean(import.meta.env.VITE_FIREBASE_VAPID_KEY)
  const state = ref<DeviceState>('checking')
  const service = () => import('@/services/firebase/push')

  // Signing out retires this device's token, so the next person here never sees the last one's news.
  onForgetAll(() => {
    if (available && state.value === 'on') void service().then((push) => push.retireDevice())
    state.value = 'off'
  })

  async function check() {
    if (!available) return
    try {
      const push = await service()
      const support = await push.deviceSupport()
      const mine = recall<string>(REMEMBERED) === session.user?.uid && Notification.permission === 'granted'
      state.value = support !== 'ready' ? support : mine ? 'on' : 'off'
    } catch (error) {
      // The SDK did not load (offline) or the browser refused: nothing to offer here now.
      state.value = 'unsupported'
      throw error
    }
  }

  async function enable() {
    const push = await service()
    state.value = await push.enableDevice()
    if (state.value === 'on') remember(REMEMBERED, session.user?.uid ?? null)
  }

  async function disable() {
    const push = await service()
    await push.disableDevice()
    forget(REMEMBERED)
    state.value = 'off'
  }

  return { available, state, check, enable, disable }
})
