import { ref } from 'vue'
import { useErrorMessage } from './use-error-message'

/**
 * The busy flag and the translated failure of a form's one action, shared by every form that
 * sends something: a second tap while the first is under way sends nothing, and a refusal is
 * shown in words rather than thrown past the screen.
 */
export function useSubmission() {
  const errorMessage = useErrorMessage()
  const busy = ref(false)
  const failure = ref<string | null>(null)

  /** Runs the action once at a time: its answer, or `undefined` when it failed or was already running. */
  async function submit<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined
    busy.value = true
    failure.value = null
    try {
      return await action()
    } catch (error) {
      failure.value = errorMessage(error)
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { busy, failure, submit }
}
