import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { memberTotals, type Charity, type DonateResult, type DonationReceipt, type DonationTotals } from '@/domain/earn/charities'
import { AppError, isTransient } from '@/domain/shared/errors'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import { donatePoints, watchCharities, watchCharityTotals, watchDonations } from '@/services/firebase/earn-api'
import { useSessionStore } from './session'

export type { Charity, DonationReceipt, DonationTotals }

/**
 * The impact wallet: the club's charities with their running totals, the member's receipts and
 * own total, live while signed in. Donating goes through the server.
 */
export const useImpactStore = defineStore('impact', () => {
  const session = useSessionStore()
  const charities = ref<Charity[]>([])
  const totals = ref<Record<string, DonationTotals>>({})
  const receipts = ref<DonationReceipt[]>([])
  const loaded = ref(false)
  const failed = ref(false)
  let stops: (() => void)[] = []
  const totalStops = new Map<string, () => void>()

  function stopAll() {
    stops.forEach((stop) => stop())
    stops = []
    totalStops.forEach((stop) => stop())
    totalStops.clear()
  }

  // One listener per charity on screen: a new charity gets one, a retired one loses it.
  function followTotals(list: Charity[]) {
    const ids = new Set(list.map((c) => c.id))
    for (const [id, stop] of totalStops) {
      if (!ids.has(id)) {
        stop()
        totalStops.delete(id)
      }
    }
    for (const id of ids) {
      if (totalStops.has(id)) continue
      totalStops.set(
        id,
        watchCharityTotals(id, (next) => (totals.value = { ...totals.value, [id]: next }), () => (failed.value = true)),
      )
    }
  }

  watch(
    () => session.user?.uid,
    (uid) => {
      stopAll()
      charities.value = []
      totals.value = {}
      receipts.value = []
      loaded.value = false
      failed.value = false
      if (!uid) return
      const onError = () => (failed.value = true)
      stops = [
        watchCharities((next) => {
          charities.value = next
          loaded.value = true
          followTotals(next)
        }, onError),
        watchDonations(uid, (next) => (receipts.value = next), onError),
      ]
    },
    { immediate: true },
  )

  const mine = computed(() => memberTotals(receipts.value))
  const charity = (id: string | null) => (id ? charities.value.find((c) => c.id === id) : undefined)
  const receipt = (id: string | null) => (id ? receipts.value.find((r) => r.id === id) : undefined)

  /**
   * Gives points to a charity. The intent (charity and amount) keeps its request id on the device
   * until the server settles it: "Donate" again after a lost answer returns the first receipt
   * instead of giving the points twice.
   */
  async function donate(charityId: string, points: number): Promise<DonateResult> {
    const subject = `${charityId}:${points}`
    const requestId = intentRequestId('donate', subject)
    try {
      const result = await donatePoints({ charityId, points, requestId })
      settleIntent('donate', subject)
      return result
    } catch (error) {
      if (error instanceof AppError && !isTransient(error.code)) settleIntent('donate', subject)
      throw error
    }
  }

  return { charities, totals, receipts, loaded, failed, mine, charity, receipt, donate }
})
