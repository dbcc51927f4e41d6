import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { DEVICE_KEYS, forgetAll, readJson, recall, remember } from '@/services/device-storage'
import {
  clearCachedData,
  renewSession,
  signIn as serviceSignIn,
  signOut as serviceSignOut,
  signUp as serviceSignUp,
  watchSession,
  type SessionUser,
} from '@/services/firebase'

export type { SessionUser }

/**
 * The signed-in user, and signing in, up and out. On a returning device the last session is known
 * at once (the card paints before Firebase loads); Firebase then confirms it, or signs the user
 * out. `ready` resolves when the first answer is known.
 */
export const useSessionStore = defineStore('session', () => {
  const remembered = recall<SessionUser>('session')
  const user = ref<SessionUser | null>(remembered)
  let resolveReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (resolveReady = resolve))
  if (remembered) resolveReady()

  watchSession((next) => {
    user.value = next
    if (next) remember('session', next)
    else forgetAll()
    resolveReady()
  })

  const signedIn = computed(() => user.value !== null)

  /** Resolves once the signed-in user has been reported (after sign-in or sign-up). */
  function untilSignedIn(): Promise<SessionUser> {
    return new Promise((resolve) => {
      const stop = watch(
        user,
        (value) => {
          if (!value) return
          queueMicrotask(() => stop())
          resolve(value)
        },
        { immediate: true },
      )
    })
  }

  /** Throws an AuthFailure the screen translates. */
  async function signIn(email: string, password: string): Promise<SessionUser> {
    await serviceSignIn(email, password)
    return untilSignedIn()
  }

  async function signUp(email: string, password: string): Promise<SessionUser> {
    await serviceSignUp(email, password)
    return untilSignedIn()
  }

  /**
   * Leaves nothing of the member on this device: Firebase's session first (so no listener
   * writes the cache again), then every key we keep, what stores hold in memory, and Firestore's
   * offline copy in IndexedDB. Firestore is shut down by that, so the caller reloads the app.
   */
  /** Purchases the till on this device has not sent yet: signing out would lose them. */
  function unsentTillPurchases(): number {
    const queue = readJson<{ status: string }[]>(DEVICE_KEYS.tillQueue)
    return Array.isArray(queue) ? queue.filter((entry) => entry.status === 'pending').length : 0
  }

  /**
   * True from the moment a sign-out on this device begins until its caller loads a fresh page:
   * the screens stay put meanwhile, so nothing shows the member signed out while Firestore's copy
   * is still being deleted (a tab closed at the sign-in screen would otherwise keep it).
   */
  const signingOut = ref(false)

  async function signOut(): Promise<void> {
    signingOut.value = true
    await serviceSignOut()
    user.value = null
    forgetAll()
    await clearCachedData()
  }

  /**
   * Fetches the account's current role (a fresh token) for a screen where a stale one may have put
   * it: an account an operator made staff after it signed in on this device. Offline the stored
   * token stays, which is all that screen needs, so a failure is no error to show.
   */
  function renewRole(): Promise<void> {
    return renewSession().catch(() => undefined)
  }

  return { user, ready, signedIn, signingOut, untilSignedIn, signIn, signUp, signOut, renewRole, unsentTillPurchases }
})
