import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { RedeemResult } from '@/domain/contracts/callable-results'
import { AppError, isTransient } from '@/domain/shared/errors'
import type { Coupon } from '@/domain/points/rewards'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import { redeemReward, watchCoupons } from '@/services/firebase'
import { useSessionStore } from './session'

export type { Coupon }

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

  /**
   * Redeems a reward. The intent keeps its request id (on the device, through a reload) until the
   * server settles it: "Yes" again after a lost answer returns the coupon the first try issued,
   * instead of a second coupon for the points again.
   */
  async function redeem(rewardId: string): Promise<RedeemResult> {
    const requestId = intentRequestId('redeem', rewardId)
    try {
      const result = await redeemReward({ rewardId, requestId })
      settleIntent('redeem', rewardId)
      return result
    } catch (error) {
      if (error instanceof AppError && !isTransient(error.code)) settleIntent('redeem', rewardId)
      throw error
    }
  }

  return { coupons, usable, loaded, redeem }
})
