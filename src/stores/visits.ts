import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { CheckInResult, CounterKeyResult } from '@/domain/contracts/callable-results'
import { parseVisitCode, type VisitCode } from '@/domain/partners/check-in'
import { fromBase64 } from '@/domain/shared/crypto'
import { AppError, isTransient } from '@/domain/shared/errors'
import { intentRequestId, onForgetAll, recall, remember, settleIntent } from '@/services/device-storage'
import { checkIn, getCounterKey } from '@/services/firebase'

type Position = { lat: number; lng: number; accuracy: number }

const counterCache = (partnerId: string) => `counterKey.${partnerId}`

function refused(reason: string): AppError {
  return new AppError('failed-precondition', reason, [], reason)
}

function currentPosition(): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) {
      reject(refused('location-denied'))
      return
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy }),
      () => reject(refused('location-denied')),
      // A fresh, precise fix: the server refuses a vague one, and an old one may be from elsewhere.
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    )
  })
}

/**
 * Visits at partner stores: the member's scan (with the position a poster needs) and the counter
 * device's key for a screen-mode store's rotating code.
 */
export const useVisitsStore = defineStore('visits', () => {
  const counterKey = shallowRef<Uint8Array | null>(null)
  const counterPartnerId = ref<string | null>(null)

  onForgetAll(() => {
    counterKey.value = null
    counterPartnerId.value = null
  })

  /** What a scanned text is: a poster (which needs the position), a counter screen, or nothing. */
  function readCode(text: string): VisitCode | null {
    return parseVisitCode(text)
  }

  /**
   * One request id per visit intent, per store, kept on the device until a definitive answer:
   * after a crash or a lost answer, scanning again (even a newer code of the same store's screen)
   * asks the server about the same visit, which answers with what it recorded the first time.
   */
  const INTENT = 'check-in'

  /** Records a visit; a printed code asks the phone for its position first. */
  async function visit(text: string): Promise<CheckInResult> {
    const code = parseVisitCode(text)
    if (!code) throw refused('poster-forged')
    const location = code.mode === 'printed' ? await currentPosition() : null
    const requestId = intentRequestId(INTENT, code.partnerId)
    try {
      const result = await checkIn({ code: text, location, requestId })
      settleIntent(INTENT, code.partnerId)
      return result
    } catch (error) {
      // A refusal is an answer; a lost connection or a server failure is not, so the id stays.
      if (!(error instanceof AppError && isTransient(error.code))) settleIntent(INTENT, code.partnerId)
      throw error
    }
  }

  /**
   * The counter device's key for its store, kept on the device so the screen keeps rotating
   * without a connection; refreshed from the server whenever the screen opens online, so a key the
   * operator rotated (a stolen counter device) reaches the store's own screens. Sign-out forgets it.
   */
  async function ensureCounterKey(partnerId: string): Promise<void> {
    const local = recall<CounterKeyResult>(counterCache(partnerId))
    const fetching = getCounterKey({ partnerId }).then((fetched) => {
      remember(counterCache(partnerId), fetched)
      counterKey.value = fromBase64(fetched.key)
      counterPartnerId.value = partnerId
    })
    if (local && typeof local.key === 'string') {
      counterKey.value = fromBase64(local.key)
      counterPartnerId.value = partnerId
      // Offline the kept key goes on signing; the fresh one replaces it when it arrives.
      fetching.catch(() => undefined)
      return
    }
    await fetching
  }

  return { counterKey, counterPartnerId, readCode, visit, ensureCounterKey }
})
