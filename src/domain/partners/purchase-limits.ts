import type { Partner, PurchasePolicy } from '../shared/club-config'

/**
 * The till's limits, against staff who would pay themselves or a friend: the club's minimum and
 * maximum per receipt (a partner may set a lower maximum), a lower maximum when the member
 * number was typed instead of scanned, daily counts and sums per staff account, and purchases
 * above a threshold held for an operator. Pure: the functions decide with it, tests pin it.
 */

/** One staff account's counters for one club day (server-only `staffUsage/{staff~day}`). */
export interface StaffDay {
  count: number
  /** Sum of the day's purchases in agorot (integers add up exactly). */
  sumAgorot: number
  typedCount: number
  offlineCount: number
  lookups: number
  /** The minute of the last lookups (ISO, to the minute) and how many in it. */
  lookupMinute: string
  minuteLookups: number
  /** Refunds recorded by this account today, and their sum in agorot. */
  refundCount: number
  refundSumAgorot: number
}

export const EMPTY_STAFF_DAY: StaffDay = {
  count: 0,
  sumAgorot: 0,
  typedCount: 0,
  offlineCount: 0,
  lookups: 0,
  lookupMinute: '',
  minuteLookups: 0,
  refundCount: 0,
  refundSumAgorot: 0,
}

export function toAgorot(shekels: number): number {
  return Math.round(shekels * 100)
}

export interface PurchaseAttempt {
  amountShekels: number
  /** The member number was typed, not scanned from the card. */
  typed: boolean
  /** Sent from the till's offline queue with a past scan time. */
  offline: boolean
}

export type PurchaseRefusal =
  | { code: 'invalid-argument'; reason: 'amount-below-minimum'; limit: number }
  | {
      code: 'resource-exhausted'
      reason: 'receipt-over-max' | 'typed-over-max' | 'daily-count' | 'daily-sum' | 'daily-typed' | 'daily-offline'
      limit: number
    }

/** The maximum receipt at this partner: the club's, or the partner's own when lower. */
export function maxReceipt(policy: PurchasePolicy, partner: Pick<Partner, 'maxReceiptShekels'>): number {
  return partner.maxReceiptShekels === null ? policy.maxReceiptShekels : Math.min(policy.maxReceiptShekels, partner.maxReceiptShekels)
}

/** Why this purchase may not be recorded by this staff account today (null: it may). */
export function purchaseRefusal(
  policy: PurchasePolicy,
  partner: Pick<Partner, 'maxReceiptShekels'>,
  day: StaffDay,
  attempt: PurchaseAttempt,
): PurchaseRefusal | null {
  const amount = toAgorot(attempt.amountShekels)
  if (amount < toAgorot(policy.minAmountShekels)) {
    return { code: 'invalid-argument', reason: 'amount-below-minimum', limit: policy.minAmountShekels }
  }
  const max = maxReceipt(policy, partner)
  if (amount > toAgorot(max)) return { code: 'resource-exhausted', reason: 'receipt-over-max', limit: max }
  if (attempt.typed && amount > toAgorot(policy.typedMaxShekels)) {
    return { code: 'resource-exhausted', reason: 'typed-over-max', limit: policy.typedMaxShekels }
  }
  if (day.count >= policy.dailyCount) return { code: 'resource-exhausted', reason: 'daily-count', limit: policy.dailyCount }
  if (day.sumAgorot + amount > toAgorot(policy.dailySumShekels)) {
    return { code: 'resource-exhausted', reason: 'daily-sum', limit: policy.dailySumShekels }
  }
  if (attempt.typed && day.typedCount >= policy.dailyTypedCount) {
    return { code: 'resource-exhausted', reason: 'daily-typed', limit: policy.dailyTypedCount }
  }
  if (attempt.offline && day.offlineCount >= policy.dailyOfflineCount) {
    return { code: 'resource-exhausted', reason: 'daily-offline', limit: policy.dailyOfflineCount }
  }
  return null
}

export function afterPurchase(day: StaffDay, attempt: PurchaseAttempt): StaffDay {
  return {
    ...day,
    count: day.count + 1,
    sumAgorot: day.sumAgorot + toAgorot(attempt.amountShekels),
    typedCount: day.typedCount + (attempt.typed ? 1 : 0),
    offlineCount: day.offlineCount + (attempt.offline ? 1 : 0),
  }
}

/** Purchases above the review threshold wait for an operator; their points are not spendable. */
export function needsReview(policy: PurchasePolicy, amountShekels: number): boolean {
  return toAgorot(amountShekels) > toAgorot(policy.reviewAboveShekels)
}

/**
 * Member lookups per staff account: a few a minute and a day's budget, so nobody can walk the
 * member numbers. Returns the counters after the lookup, or the refusal.
 */
export function countLookup(
  policy: PurchasePolicy,
  day: StaffDay,
  now: Date,
): { ok: true; next: StaffDay } | { ok: false; reason: 'lookups-per-minute' | 'lookups-per-day'; limit: number } {
  const minute = now.toISOString().slice(0, 16)
  const inMinute = day.lookupMinute === minute ? day.minuteLookups : 0
  if (day.lookups >= policy.lookupsPerDay) return { ok: false, reason: 'lookups-per-day', limit: policy.lookupsPerDay }
  if (inMinute >= policy.lookupsPerMinute) return { ok: false, reason: 'lookups-per-minute', limit: policy.lookupsPerMinute }
  return { ok: true, next: { ...day, lookups: day.lookups + 1, lookupMinute: minute, minuteLookups: inMinute + 1 } }
}

export interface RefundRefusal {
  code: 'resource-exhausted'
  reason: 'refund-daily-count' | 'refund-daily-sum'
  limit: number
}

/**
 * Why this staff account may not refund a receipt of this amount today (null: it may). A refund
 * counts with the whole receipt's amount: refunds take back everything the purchase earned.
 */
export function refundRefusal(policy: PurchasePolicy, day: StaffDay, amountShekels: number): RefundRefusal | null {
  if (day.refundCount >= policy.dailyRefundCount) {
    return { code: 'resource-exhausted', reason: 'refund-daily-count', limit: policy.dailyRefundCount }
  }
  if (day.refundSumAgorot + toAgorot(amountShekels) > toAgorot(policy.dailyRefundSumShekels)) {
    return { code: 'resource-exhausted', reason: 'refund-daily-sum', limit: policy.dailyRefundSumShekels }
  }
  return null
}

export function afterRefund(day: StaffDay, amountShekels: number): StaffDay {
  return { ...day, refundCount: day.refundCount + 1, refundSumAgorot: day.refundSumAgorot + toAgorot(amountShekels) }
}

/** How far a till's clock may run ahead of the server's. */
export const CLOCK_SKEW_MS = 2 * 60_000

/**
 * A scan time sent by the till's offline queue: not in the future, not older than the club's
 * offline window. Online purchases send none and are judged by the server's clock.
 */
export function offlineScanRefusal(
  policy: Pick<PurchasePolicy, 'offlineWindowHours'>,
  scannedAt: Date,
  now: Date,
): 'scan-in-future' | 'scan-too-old' | null {
  if (scannedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return 'scan-in-future'
  if (now.getTime() - scannedAt.getTime() > policy.offlineWindowHours * 3_600_000) return 'scan-too-old'
  return null
}

export function staffDayOf(data: Record<string, unknown> | undefined): StaffDay {
  const num = (key: keyof StaffDay) => (typeof data?.[key] === 'number' ? (data[key] as number) : 0)
  return {
    count: num('count'),
    sumAgorot: num('sumAgorot'),
    typedCount: num('typedCount'),
    offlineCount: num('offlineCount'),
    lookups: num('lookups'),
    lookupMinute: typeof data?.lookupMinute === 'string' ? data.lookupMinute : '',
    minuteLookups: num('minuteLookups'),
    refundCount: num('refundCount'),
    refundSumAgorot: num('refundSumAgorot'),
  }
}
