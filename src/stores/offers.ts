import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MyOffer } from '@/domain/offers/offers'
import type { RedeemPromoCodeResult } from '@/domain/offers/promo-codes'
import { AppError, isTransient } from '@/domain/shared/errors'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import { listMyOffers, redeemPromoCode } from '@/services/firebase/offers-api'

const PROMO_INTENT = 'promo-code'

/**
 * The member's offers, as the server decides them (targeting and the control group are never the
 * app's to know), and promo codes. A code keeps its request id until answered, so a retry after a
 * lost answer is the same redemption.
 */
export const useOffersStore = defineStore('offers', () => {
  const offers = ref<MyOffer[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = ref<unknown>(null)
  const redeeming = ref(false)

  async function load() {
    status.value = 'loading'
    error.value = null
    try {
      offers.value = (await listMyOffers()).offers
      status.value = 'ready'
    } catch (e) {
      error.value = e
      status.value = 'error'
    }
  }

  async function redeem(code: string): Promise<RedeemPromoCodeResult> {
    const subject = code.trim().toLowerCase()
    redeeming.value = true
    try {
      const result = await redeemPromoCode({ code, requestId: intentRequestId(PROMO_INTENT, subject) })
      settleIntent(PROMO_INTENT, subject)
      return result
    } catch (e) {
      // A refusal is an answer: the next try is a new request. A lost answer keeps the id for the retry.
      if (!(e instanceof AppError && isTransient(e.code))) settleIntent(PROMO_INTENT, subject)
      throw e
    } finally {
      redeeming.value = false
    }
  }

  return { offers, status, error, redeeming, load, redeem }
})
