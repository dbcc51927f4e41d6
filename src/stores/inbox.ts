import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { InboxMessage } from '@/domain/messages/kinds'
import { messagePrefsOf, type MessagePrefs } from '@/domain/messages/prefs'
import { markMessagesRead, updateMessagePrefs, watchInbox, watchMessageState } from '@/services/firebase/messages-api'
import { followAccount } from './follow-account'

export type { InboxMessage, MessagePrefs }

/**
 * The member's inbox, live while signed in: the newest messages, the unread count and the
 * message limits. Messages and the count are written by the functions only; reading one goes
 * through markMessagesRead, the limits through updateMessagePrefs.
 */
export const useInboxStore = defineStore('inbox', () => {
  const messages = ref<InboxMessage[]>([])
  const unread = ref(0)
  const storedPrefs = ref<unknown>(null)
  const loaded = ref(false)
  const stateLoaded = ref(false)
  const failed = ref(false)

  followAccount(
    (uid) => {
      const onError = () => (failed.value = true)
      return [
        watchInbox(
          uid,
          (next) => {
            messages.value = next
            loaded.value = true
          },
          onError,
        ),
        watchMessageState(
          uid,
          (state) => {
            unread.value = state.unread
            storedPrefs.value = state.prefs
            stateLoaded.value = true
          },
          onError,
        ),
      ]
    },
    () => {
      messages.value = []
      unread.value = 0
      storedPrefs.value = null
      loaded.value = false
      stateLoaded.value = false
      failed.value = false
    },
  )

  const prefs = computed<MessagePrefs>(() => messagePrefsOf(storedPrefs.value))

  async function markRead(ids: string[]) {
    const unreadIds = ids.filter((id) => messages.value.some((m) => m.id === id && !m.readAt))
    if (unreadIds.length > 0) await markMessagesRead({ ids: unreadIds })
  }

  async function markAllRead() {
    await markMessagesRead({ all: true })
  }

  async function savePrefs(next: MessagePrefs) {
    return updateMessagePrefs({ prefs: next })
  }

  return { messages, loaded, stateLoaded, failed, unread, prefs, markRead, markAllRead, savePrefs }
})
