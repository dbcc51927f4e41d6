import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ReversalResult } from '@/domain/contracts/callable-results'
import type { TillDayEntry, TillDayResult } from '@/domain/partners/till-day'
import type { RefundReason } from '@/domain/partners/till'
import { listTillDay, reversePurchase } from '@/services/firebase/till-api'
import { useTillStore } from './till'

/**
 * The till's staff tools: today's list of what this till did, and refunds by receipt. A refund is
 * idempotent by its receipt on the server, so a retry after a lost answer refunds once; after any
 * refund the list is read again, so it shows the purchase refunded.
 */
export const useTillDayStore = defineStore('till-day', () => {
  const till = useTillStore()
  const day = shallowRef<TillDayResult | null>(null)
  const loading = ref(false)
  /** Why the list could not be read (the screen says it in words). */
  const failure = shallowRef<unknown>(null)
  let reading: Promise<void> | null = null

  async function read(): Promise<void> {
    loading.value = true
    try {
      day.value = await listTillDay({ tillId: till.tillId() })
      failure.value = null
    } catch (error) {
      failure.value = error
    } finally {
      loading.value = false
    }
  }

  /** Reads the list again; calls while one read runs share it. */
  function load(): Promise<void> {
    reading ??= read().finally(() => {
      reading = null
    })
    return reading
  }

  /** Today's row of a purchase by its receipt, when this till recorded it today. */
  function purchase(receiptId: string): TillDayEntry | null {
    return day.value?.entries.find((e) => e.kind === 'purchase' && e.receiptId === receiptId) ?? null
  }

  async function refund(receiptId: string, reason: RefundReason): Promise<ReversalResult> {
    const result = await reversePurchase({ receiptId, reason, tillId: till.tillId() })
    void load()
    return result
  }

  return { day, loading, failure, load, purchase, refund }
})
