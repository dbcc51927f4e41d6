import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { RedeemResult } from '@/domain/contracts/callable-results'
import { AppError, isTransient } from '@/domain/shared/errors'
import type { Coupon } from '@/domain/points/rewards'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import { redeemReward, watchCoupons } from '@/services/firebase'
import { useSessionStore } from './session'

export type { Coupon }

/**
 * The member's coupons, live only while a screen lists them (`listen()`): the card shows the
 * member document's `activeCoupons` instead, so opening the app reads no coupon. Redeeming goes
 * through the server.
 */
export const useCouponsStore = defineStore('coupons', () => {
  const session = useSessionStore()
  const coupons = ref<Coupon[]>([])
  const loaded = ref(false)
  let listeners = 0
  let stop: (() => void) | null = null

  function follow(uid: string | undefined) {
    stop?.()
    stop = null
    if (!uid || listeners === 0) return
    stop = watchCoupons(
      uid,
      (next) => {
        coupons.value = next
        loaded.value = true
      },
      () => (loaded.value = true),
    )
  }

  watch(
    () => session.user?.uid,
    (uid) => {
      coupons.value = []
      loaded.value = false
      follow(uid)
    },
  )

  /**
   * Keeps the list live until the returned function is called (when the screen closes). The list
   * stays in memory in between, so coming back shows it at once while the listener catches up.
   */
  function listen(): () => void {
    listeners++
    if (listeners === 1) follow(session.user?.uid)
    let released = false
    return () => {
      if (released) return
      released = true
      listeners--
      if (listeners === 0) follow(undefined)
    }
  }

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

  return { coupons, loaded, listen, redeem }
})
