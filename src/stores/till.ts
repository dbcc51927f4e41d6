import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { PurchaseResult } from '@/domain/callable-results'
import { AppError, recordPurchase } from '@/services/firebase'

const STORAGE_KEY = 'moadon.till.queue'

export interface QueuedPurchase {
  id: string
  token?: string
  memberNo?: string
  amount: number
  receiptId: string
  scannedAt: string
  status: 'pending' | 'failed'
  /** Why the server refused it (a reason code the screen translates). */
  reason?: string
}

/** Network trouble, not a refusal: keep the purchase and try again later. */
function isOffline(error: unknown): boolean {
  return !navigator.onLine || (error instanceof AppError && (error.code === 'unavailable' || error.code === 'internal') && !error.reason)
}

/**
 * The till's purchases: sent at once when online; kept on the device (with the scan time) when
 * the shop's connection is down, and sent when it is back. The server checks each card code
 * against its scan time and drops duplicates, so sending twice is harmless.
 */
export const useTillStore = defineStore('till', () => {
  const queue = ref<QueuedPurchase[]>(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]'))
  const flushing = ref(false)

  function save() {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(queue.value))
  }

  /** Records now, or queues when offline; returns the result, or null when queued. */
  async function record(purchase: Omit<QueuedPurchase, 'id' | 'status' | 'scannedAt'>): Promise<PurchaseResult | null> {
    const scannedAt = new Date().toISOString()
    const entry: QueuedPurchase = { ...purchase, id: crypto.randomUUID(), scannedAt, status: 'pending' }
    if (!navigator.onLine) {
      queue.value = [...queue.value, entry]
      save()
      return null
    }
    try {
      return await recordPurchase(input(entry))
    } catch (error) {
      if (!isOffline(error)) throw error
      queue.value = [...queue.value, entry]
      save()
      return null
    }
  }

  function input(entry: QueuedPurchase) {
    return {
      ...(entry.token ? { token: entry.token } : { memberNo: entry.memberNo }),
      amount: entry.amount,
      receiptId: entry.receiptId,
      scannedAt: entry.scannedAt,
    }
  }

  async function flush() {
    if (flushing.value || !navigator.onLine) return
    flushing.value = true
    try {
      for (const entry of queue.value.filter((e) => e.status === 'pending')) {
        try {
          await recordPurchase(input(entry))
          queue.value = queue.value.filter((e) => e.id !== entry.id)
        } catch (error) {
          if (isOffline(error)) break
          queue.value = queue.value.map((e) =>
            e.id === entry.id ? { ...e, status: 'failed', reason: error instanceof AppError ? (error.reason ?? error.code) : 'internal' } : e,
          )
        }
        save()
      }
    } finally {
      flushing.value = false
    }
  }

  function dismiss(id: string) {
    queue.value = queue.value.filter((e) => e.id !== id)
    save()
  }

  window.addEventListener('online', () => void flush())

  const pending = computed(() => queue.value.filter((e) => e.status === 'pending'))
  const failed = computed(() => queue.value.filter((e) => e.status === 'failed'))

  return { queue, pending, failed, flushing, record, flush, dismiss }
})
