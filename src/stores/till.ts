import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import type { PurchaseResult, UseCouponResult } from '@/domain/contracts/callable-results'
import type { ConfirmEcoActionResult } from '@/domain/earn/eco'
import type { RecordPurchaseInput } from '@/domain/contracts/callable-schemas'
import type { TypedReason } from '@/domain/partners/till'
import { parseCardToken } from '@/domain/cards/card-token'
import { AppError, isTransient } from '@/domain/shared/errors'
import { DEVICE_KEYS, intentRequestId, onForgetAll, readJson, removeKey, settleIntent, writeJson } from '@/services/device-storage'
import { acceptCoupon, confirmEcoAction, lookupMember, recordPurchase } from '@/services/firebase'

/** Waits between automatic tries of the queue; the last one repeats. */
export const RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 60_000] as const

/** Who is at the till: a scanned card (no lookup: the number is in the token) or a typed number. */
export interface TillCustomer {
  memberNo: string
  /** Scanned: the card's token, which travels to the server once, with the purchase. */
  token?: string
  /** Typed: why, and who the server confirmed (first name + initial, tier). */
  typedReason?: TypedReason
  displayName?: string
  tierId?: string
  /** When the card was scanned (sent only if the purchase has to wait in the queue). */
  scannedAt: string
}

export interface QueuedPurchase {
  id: string
  token?: string
  memberNo?: string
  typedReason?: TypedReason
  amount: number
  /** The idempotency key: every try of this purchase sends the same receipt. */
  receiptId: string
  scannedAt: string
  status: 'pending' | 'failed'
  /** Why the last try did not settle it: no connection, or the club's side failing. */
  waitingFor?: 'connection' | 'server'
  /** Why the server refused it (a reason code the screen translates). */
  reason?: string
}

export type RecordOutcome =
  | { kind: 'recorded'; result: PurchaseResult }
  | { kind: 'queued'; waitingFor: 'connection' | 'server' }

/** A settled answer: success, or a refusal that trying again would not change. */
function isDefinitive(error: unknown): error is AppError {
  return error instanceof AppError && !isTransient(error.code)
}

function waitingFor(error: unknown): 'connection' | 'server' {
  return !navigator.onLine || (error instanceof AppError && error.code === 'unavailable') ? 'connection' : 'server'
}

function tillIdOfDevice(): string {
  const stored = readJson<string>(DEVICE_KEYS.tillId)
  if (stored) return stored
  const created = `till-${crypto.randomUUID()}`
  writeJson(DEVICE_KEYS.tillId, created)
  return created
}

function readQueue(): QueuedPurchase[] {
  const stored = readJson<QueuedPurchase[]>(DEVICE_KEYS.tillQueue)
  return Array.isArray(stored) ? stored : []
}

/**
 * The till: who is being served, their purchase, coupons, and the queue of purchases that could
 * not be sent. A purchase goes once, with its receipt as the idempotency key; when the connection
 * or the server fails it waits on the device (with the scan time) and the queue tries again by
 * itself, sooner when the connection or the screen comes back. A refusal stays as failed, in
 * words, until staff dismiss it.
 */
export const useTillStore = defineStore('till', () => {
  const customer = shallowRef<TillCustomer | null>(null)
  const queue = ref<QueuedPurchase[]>(readQueue())
  const flushing = ref(false)
  /** Tries in a row that got no answer: the backoff grows with them. */
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | null = null

  function save() {
    if (queue.value.length > 0) writeJson(DEVICE_KEYS.tillQueue, queue.value)
    else removeKey(DEVICE_KEYS.tillQueue)
  }

  /** A random id made once per staff device, kept on it: velocity limits and audit count by it. */
  function tillId(): string {
    return tillIdOfDevice()
  }

  /** A scanned card: the member number is read from the token here, with no call to the server. */
  function scan(token: string): boolean {
    const parsed = parseCardToken(token)
    if (!parsed) return false
    customer.value = { memberNo: parsed.memberNo, token: token.trim(), scannedAt: new Date().toISOString() }
    return true
  }

  /** A typed number: the server confirms who it is before anything is recorded (rate-limited). */
  async function lookup(memberNo: string, typedReason: TypedReason): Promise<void> {
    const found = await lookupMember({ memberNo, tillId: tillId() })
    customer.value = {
      memberNo: found.memberNo,
      typedReason,
      displayName: found.displayName,
      tierId: found.tierId,
      scannedAt: new Date().toISOString(),
    }
  }

  function clearCustomer() {
    customer.value = null
  }

  function entryFor(who: TillCustomer, amount: number, receiptId: string): QueuedPurchase {
    return {
      id: crypto.randomUUID(),
      ...(who.token ? { token: who.token } : { memberNo: who.memberNo, typedReason: who.typedReason }),
      amount,
      receiptId,
      scannedAt: who.scannedAt,
      status: 'pending',
    }
  }

  function input(entry: QueuedPurchase, queued: boolean): RecordPurchaseInput {
    return {
      ...(entry.token ? { token: entry.token } : { memberNo: entry.memberNo, typedReason: entry.typedReason }),
      amount: entry.amount,
      receiptId: entry.receiptId,
      tillId: tillId(),
      // Online, the server's clock judges the card; only a purchase that waited says when it was scanned.
      ...(queued ? { scannedAt: entry.scannedAt } : {}),
    }
  }

  function enqueue(entry: QueuedPurchase) {
    queue.value = [...queue.value, entry]
    save()
    schedule()
  }

  /**
   * Records the customer's purchase now, or keeps it in the queue when the connection or the
   * server fails. Throws the server's refusal (the customer stays, so staff can correct it).
   */
  async function record(amount: number, receiptId: string): Promise<RecordOutcome> {
    const who = customer.value
    if (!who) throw new Error('no customer at the till')
    const entry = entryFor(who, amount, receiptId)
    if (!navigator.onLine) {
      enqueue({ ...entry, waitingFor: 'connection' })
      customer.value = null
      return { kind: 'queued', waitingFor: 'connection' }
    }
    try {
      const result = await recordPurchase(input(entry, false))
      customer.value = null
      return { kind: 'recorded', result }
    } catch (error) {
      if (isDefinitive(error)) throw error
      // Perhaps recorded, perhaps not: the queue asks again with the same receipt.
      failures++
      const why = waitingFor(error)
      enqueue({ ...entry, waitingFor: why })
      customer.value = null
      return { kind: 'queued', waitingFor: why }
    }
  }

  function schedule() {
    if (timer) clearTimeout(timer)
    timer = null
    if (!queue.value.some((e) => e.status === 'pending')) return
    const delay = RETRY_DELAYS_MS[Math.min(Math.max(failures - 1, 0), RETRY_DELAYS_MS.length - 1)]
    timer = setTimeout(() => {
      timer = null
      void flush()
    }, delay)
  }

  function update(id: string, patch: Partial<QueuedPurchase>) {
    queue.value = queue.value.map((e) => (e.id === id ? { ...e, ...patch } : e))
  }

  /** Sends what waits, oldest first; stops at the first failure that is not an answer. */
  async function flush(): Promise<void> {
    if (flushing.value) return
    if (!navigator.onLine) {
      // The `online` event sends it; until then, the timer keeps checking in case it never fires.
      schedule()
      return
    }
    flushing.value = true
    let interrupted = false
    try {
      for (const entry of queue.value.filter((e) => e.status === 'pending')) {
        try {
          await recordPurchase(input(entry, true))
          queue.value = queue.value.filter((e) => e.id !== entry.id)
        } catch (error) {
          if (!isDefinitive(error)) {
            update(entry.id, { waitingFor: waitingFor(error) })
            interrupted = true
            break
          }
          update(entry.id, { status: 'failed', reason: error.reason ?? error.code, waitingFor: undefined })
        } finally {
          save()
        }
      }
    } finally {
      flushing.value = false
    }
    failures = interrupted ? failures + 1 : 0
    schedule()
  }

  /** Now, not at the next step of the backoff: the connection or the screen came back. */
  function retryNow() {
    failures = 0
    void flush()
  }

  function dismiss(id: string) {
    queue.value = queue.value.filter((e) => e.id !== id)
    save()
  }

  /**
   * Accepts a member's coupon. One request id per coupon at this till, kept until the server
   * settles it: a retry after a lost answer gets the first acceptance, not "already used".
   */
  async function redeemCoupon(code: string): Promise<UseCouponResult> {
    const requestId = intentRequestId('till-coupon', code)
    try {
      const result = await acceptCoupon({ code, requestId, tillId: tillId() })
      settleIntent('till-coupon', code)
      return result
    } catch (error) {
      if (isDefinitive(error)) settleIntent('till-coupon', code)
      throw error
    }
  }

  /**
   * Confirms an eco action for the scanned card, online only (the member is at the counter). One
   * request id per card code and action, kept until the server settles it, so a second tap after a
   * lost answer pays once. The code is then used: the customer leaves the till, as after a purchase.
   */
  async function confirmEco(actionId: string): Promise<ConfirmEcoActionResult> {
    const token = customer.value?.token
    if (!token) throw new Error('an eco action needs a scanned card')
    const subject = `${token}|${actionId}`
    const requestId = intentRequestId('till-eco', subject)
    try {
      const result = await confirmEcoAction({ token, actionId, requestId, tillId: tillId() })
      settleIntent('till-eco', subject)
      customer.value = null
      return result
    } catch (error) {
      if (isDefinitive(error)) settleIntent('till-eco', subject)
      throw error
    }
  }

  const onVisible = () => {
    if (document.visibilityState === 'visible') retryNow()
  }
  window.addEventListener('online', retryNow)
  document.addEventListener('visibilitychange', onVisible)

  const unregister = onForgetAll(() => {
    if (timer) clearTimeout(timer)
    timer = null
    failures = 0
    queue.value = []
    customer.value = null
  })

  onScopeDispose(() => {
    window.removeEventListener('online', retryNow)
    document.removeEventListener('visibilitychange', onVisible)
    if (timer) clearTimeout(timer)
    unregister()
  })

  if (queue.value.some((e) => e.status === 'pending')) schedule()

  const pending = computed(() => queue.value.filter((e) => e.status === 'pending'))
  const failed = computed(() => queue.value.filter((e) => e.status === 'failed'))

  return {
    customer,
    queue,
    pending,
    failed,
    flushing,
    tillId,
    scan,
    lookup,
    clearCustomer,
    record,
    flush,
    retryNow,
    dismiss,
    redeemCoupon,
    confirmEco,
  }
})
