import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { forgetAll, recall, remember } from '@/services/device-cache'
import { signOut as serviceSignOut, watchSession, type SessionUser } from '@/services/firebase'

/**
 * The signed-in user. On a returning device the last session is known at once (the card paints
 * before Firebase loads); Firebase then confirms it, or signs the user out. `ready` resolves when
 * the first answer is known.
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

  async function signOut(): Promise<void> {
    forgetAll()
    await serviceSignOut()
  }

  return { user, ready, signedIn, untilSignedIn, signOut }
})
