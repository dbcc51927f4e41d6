import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { signOut as serviceSignOut, watchSession, type SessionUser } from '@/services/firebase'

/** The signed-in user. `ready` resolves once Firebase has reported the first auth state. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null)
  let resolveReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (resolveReady = resolve))

  watchSession((next) => {
    user.value = next
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
    await serviceSignOut()
  }

  return { user, ready, signedIn, untilSignedIn, signOut }
})
