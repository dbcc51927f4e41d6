import { watch } from 'vue'
import { useSessionStore } from './session'

type Stop = () => void

/**
 * Keeps a store's live listeners bound to the signed-in account: whenever the account changes
 * (sign-in, sign-out, another account), the previous account's listeners stop and `reset` clears
 * what they had loaded, so nothing of one account shows under the next; then, when someone is
 * signed in, `start` opens the new account's listeners and returns how to stop them.
 */
export function followAccount(start: (uid: string) => Stop[], reset: () => void): void {
  const session = useSessionStore()
  let stops: Stop[] = []
  watch(
    () => session.user?.uid,
    (uid) => {
      stops.forEach((stop) => stop())
      stops = []
      reset()
      if (uid) stops = start(uid)
    },
    { immediate: true },
  )
}
