import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { redeemReward, watchCoupons, type Coupon } from '@/services/firebase'
import { useSessionStore } from './session'

/** The member's coupons, live; redeeming goes through the server. */
export const useCouponsStore = defineStore('coupons', () => {
  const session = useSessionStore()
  const coupons = ref<Coupon[]>([])
  const loaded = ref(false)
  let stop: (() => void) | null = null

  watch(
    () => session.user?.uid,
    (uid) => {
      stop?.()
      stop = null
      coupons.value = []
      loaded.value = false
      if (!uid) return
      stop = watchCoupons(
        uid,
        (next) => {
          coupons.value = next
          loaded.value = true
        },
        () => (loaded.value = true),
      )
    },
    { immediate: true },
  )

  const usable = computed(() => coupons.value.filter((c) => c.status === 'active' && c.expiresAt.getTime() > Date.now()))

  /** The request id makes a double tap or a retry return the same coupon. */
  async function redeem(rewardId: string) {
    const requestId = `${rewardId}-${crypto.randomUUID()}`
    return redeemReward({ rewardId, requestId })
  }

  return { coupons, usable, loaded, redeem }
})
