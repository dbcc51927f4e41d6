import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  fetchHeldReferrals,
  fetchPendingPurchases,
  reviewPurchase,
  reviewReferral,
  type HeldReferral,
  type ReceiptRecord,
} from '@/services/firebase/admin-api'

export type { HeldReferral, ReceiptRecord }

/** What waits for an operator's decision: purchases held above the review threshold, and referrals held for review. */
export const useAdminHeldStore = defineStore('admin-held', () => {
  const purchases = ref<ReceiptRecord[]>([])
  const referrals = ref<HeldReferral[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')

  async function load() {
    status.value = 'loading'
    try {
      const [p, r] = await Promise.all([fetchPendingPurchases(), fetchHeldReferrals()])
      purchases.value = p
      referrals.value = r
      status.value = 'ready'
    } catch {
      status.value = 'error'
    }
  }

  /** A decision is idempotent on the server (deciding again answers the same), so a retry is safe. */
  async function decidePurchase(item: ReceiptRecord, approve: boolean, note: string) {
    const result = await reviewPurchase({ partnerId: item.partnerId, receiptId: item.receiptId, approve, note })
    purchases.value = purchases.value.filter((p) => !(p.partnerId === item.partnerId && p.receiptId === item.receiptId))
    return result
  }

  async function decideReferral(item: HeldReferral, approve: boolean, note: string) {
    const result = await reviewReferral({ friendUid: item.friendUid, approve, note })
    referrals.value = referrals.value.filter((r) => r.friendUid !== item.friendUid)
    return result
  }

  return { purchases, referrals, status, load, decidePurchase, decideReferral }
})
