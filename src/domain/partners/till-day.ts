import { z } from 'zod'
import { tillId } from '../contracts/callable-schemas'
import type { LocalizedText } from '../shared/locale'

/**
 * The till's "Today" list: what a till (or, without a till id, the calling staff account) did on
 * the current club day at its own store — purchases, refunds, coupons accepted, eco actions.
 * The server answers; the till shows it. Members appear as the till always names them (first name
 * and initial), never with a balance or a member number.
 */
export const ListTillDayInputSchema = z.strictObject({
  /** This device's till; without it, what the calling staff account did on any till. */
  tillId: tillId.optional(),
})
export type ListTillDayInput = z.input<typeof ListTillDayInputSchema>

export const TILL_DAY_KINDS = ['purchase', 'refund', 'coupon', 'eco'] as const
export type TillDayKind = (typeof TILL_DAY_KINDS)[number]

/** A purchase's status now (held, approved, refused, refunded); the other kinds are `recorded`. */
export type TillDayStatus = 'recorded' | 'pending' | 'refused' | 'refunded'

/** At most this many rows, newest first (a staff account records at most 300 purchases a day). */
export const TILL_DAY_LIMIT = 400

export interface TillDayEntry {
  /** Stable per action (a retry of the action writes the same row). */
  id: string
  kind: TillDayKind
  /** ISO time of the action by the server's clock. */
  at: string
  status: TillDayStatus
  /** Purchases and refunds: the receipt as printed. */
  receiptId: string | null
  /** Purchases and refunds: the receipt's amount in ₪. */
  amountShekels: number | null
  /** Points the action moved: positive for purchases and eco actions, negative for refunds, 0 for coupons. */
  points: number
  /** First name and initial ("Dana K."). */
  displayName: string
  /** Coupons: the reward's id; eco actions: the action's id. */
  ref: string | null
  /** Coupons: the reward's name as it was when accepted. */
  name: LocalizedText | null
  tillId: string | null
}

export interface TillDayTotals {
  purchases: number
  purchaseShekels: number
  /** Points paid by purchases that stand or stood (held and refused ones paid nothing). */
  purchasePoints: number
  refunds: number
  refundShekels: number
  refundPoints: number
  coupons: number
  eco: number
  ecoPoints: number
}

export interface TillDayResult {
  /** The club day (YYYY-MM-DD in the club's time zone). */
  day: string
  entries: TillDayEntry[]
  totals: TillDayTotals
  /** False when the day had more than TILL_DAY_LIMIT rows: the list and totals cover the newest. */
  complete: boolean
}

const agorot = (shekels: number) => Math.round(shekels * 100)

/** Totals of the listed rows, summed in agorot so ₪ add up exactly. */
export function tillDayTotals(entries: readonly TillDayEntry[]): TillDayTotals {
  let purchaseAgorot = 0
  let refundAgorot = 0
  const totals: TillDayTotals = {
    purchases: 0,
    purchaseShekels: 0,
    purchasePoints: 0,
    refunds: 0,
    refundShekels: 0,
    refundPoints: 0,
    coupons: 0,
    eco: 0,
    ecoPoints: 0,
  }
  for (const entry of entries) {
    if (entry.kind === 'purchase') {
      totals.purchases++
      purchaseAgorot += agorot(entry.amountShekels ?? 0)
      if (entry.status === 'recorded' || entry.status === 'refunded') totals.purchasePoints += entry.points
    } else if (entry.kind === 'refund') {
      totals.refunds++
      refundAgorot += agorot(entry.amountShekels ?? 0)
      totals.refundPoints += entry.points
    } else if (entry.kind === 'coupon') {
      totals.coupons++
    } else {
      totals.eco++
      totals.ecoPoints += entry.points
    }
  }
  return { ...totals, purchaseShekels: purchaseAgorot / 100, refundShekels: refundAgorot / 100 }
}
