import { defineStore } from 'pinia'
import { onScopeDispose, ref, shallowRef } from 'vue'
import type { LedgerCategory, LedgerEntry } from '@/domain/points/ledger'
import { onForgetAll } from '@/services/device-storage'
import { fetchLedgerPage, type PageCursor } from '@/services/firebase'
import { useMemberStore } from './member'

/**
 * The member's points history, a page at a time (cursors, so the 400th page costs what the first
 * does); for a household member, what they earned into the household's shared balance (the owner's
 * own entries are the owner's). The screen reloads it from the first page when it opens and when points move.
 */
export const useHistoryStore = defineStore('history', () => {
  const member = useMemberStore()
  const filter = ref<LedgerCategory | null>(null)
  const entries = shallowRef<LedgerEntry[]>([])
  // Shallow: the cursor is a Firestore snapshot, which must not be wrapped in a reactive proxy.
  const next = shallowRef<PageCursor | null>(null)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let generation = 0

  const unregister = onForgetAll(() => {
    generation++
    filter.value = null
    entries.value = []
    next.value = null
    loading.value = false
    error.value = null
  })

  async function load(reset: boolean): Promise<void> {
    // A household member earns into the owner's ledger: their history is what they earned there.
    const own = member.member?.uid
    const ownerUid = member.member?.household?.ownerUid
    const uid = ownerUid ?? own
    if (!uid) {
      generation++
      entries.value = []
      next.value = null
      loading.value = false
      return
    }
    const mine = reset ? ++generation : generation
    loading.value = true
    error.value = null
    try {
      const page = await fetchLedgerPage(uid, { category: filter.value, after: reset ? null : next.value, ...(ownerUid ? { earnedBy: own } : {}) })
      // A newer load (another filter, a refresh, another member) wins over this one.
      if (mine !== generation) return
      entries.value = reset ? page.entries : [...entries.value, ...page.entries]
      next.value = page.next
    } catch (failure) {
      if (mine === generation) error.value = failure
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** From the first page: the screen opened, the filter changed, points moved. */
  function reload(): Promise<void> {
    return load(true)
  }

  function more(): Promise<void> {
    return load(false)
  }

  onScopeDispose(() => unregister())

  return { filter, entries, next, loading, error, reload, more }
})
