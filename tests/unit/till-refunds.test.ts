import { describe, expect, it } from 'vitest'
import { ReversePurchaseInputSchema } from '@/domain/contracts/callable-schemas'
import { ListTillDayInputSchema, tillDayTotals, type TillDayEntry } from '@/domain/partners/till-day'
import { afterPurchase, afterRefund, EMPTY_STAFF_DAY, refundRefusal, staffDayOf } from '@/domain/partners/purchase-limits'
import { DEFAULT_PURCHASE_POLICY, PurchasePolicySchema } from '@/domain/shared/club-config'

const policy = DEFAULT_PURCHASE_POLICY

describe('refund limits per staff account per day', () => {
  it('allows refunds up to the count, then refuses with the limit', () => {
    let day = EMPTY_STAFF_DAY
    for (let i = 0; i < policy.dailyRefundCount; i++) {
      expect(refundRefusal(policy, day, 10)).toBeNull()
      day = afterRefund(day, 10)
    }
    expect(refundRefusal(policy, day, 10)).toEqual({ code: 'resource-exhausted', reason: 'refund-daily-count', limit: policy.dailyRefundCount })
  })

  it('counts the ₪ sum in agorot, exactly up to the limit', () => {
    const near = afterRefund(EMPTY_STAFF_DAY, policy.dailyRefundSumShekels - 0.1)
    expect(refundRefusal(policy, near, 0.1)).toBeNull()
    expect(refundRefusal(policy, near, 0.11)).toEqual({ code: 'resource-exhausted', reason: 'refund-daily-sum', limit: policy.dailyRefundSumShekels })
    // 0.1 + 0.2 in floating point is not 0.3; in agorot it is.
    const tight = { ...policy, dailyRefundSumShekels: 0.3 }
    expect(refundRefusal(tight, afterRefund(EMPTY_STAFF_DAY, 0.1), 0.2)).toBeNull()
  })

  it('a zero limit refuses every refund at the till', () => {
    expect(refundRefusal({ ...policy, dailyRefundCount: 0 }, EMPTY_STAFF_DAY, 1)).toMatchObject({ reason: 'refund-daily-count', limit: 0 })
    expect(refundRefusal({ ...policy, dailyRefundSumShekels: 0 }, EMPTY_STAFF_DAY, 1)).toMatchObject({ reason: 'refund-daily-sum', limit: 0 })
  })

  it('keeps refund and purchase counters apart, and both survive a purchase written over the day', () => {
    const refunded = afterRefund(EMPTY_STAFF_DAY, 25.5)
    const bought = afterPurchase(refunded, { amountShekels: 40, typed: false, offline: false })
    expect(bought).toMatchObject({ count: 1, sumAgorot: 4000, refundCount: 1, refundSumAgorot: 2550 })
    expect(staffDayOf({ ...bought })).toEqual(bought)
    expect(staffDayOf({ count: 3 })).toMatchObject({ refundCount: 0, refundSumAgorot: 0 })
  })

  it('parses a configuration written before refunds with the defaults', () => {
    const old: Record<string, unknown> = { ...policy }
    delete old.dailyRefundCount
    delete old.dailyRefundSumShekels
    expect(PurchasePolicySchema.parse(old)).toMatchObject({ dailyRefundCount: 20, dailyRefundSumShekels: 5000 })
    expect(PurchasePolicySchema.safeParse({ ...policy, dailyRefundCount: -1 }).success).toBe(false)
    expect(PurchasePolicySchema.safeParse({ ...policy, dailyRefundCount: 1.5 }).success).toBe(false)
  })
})

describe('refund input', () => {
  const input = { receiptId: 'R-1', reason: 'returned', tillId: 'till-0001' }
  it('needs a receipt and a reason from the list', () => {
    expect(ReversePurchaseInputSchema.safeParse(input).success).toBe(true)
    expect(ReversePurchaseInputSchema.safeParse({ receiptId: 'R-1', tillId: 'till-0001' }).success).toBe(false)
    expect(ReversePurchaseInputSchema.safeParse({ ...input, reason: 'because' }).success).toBe(false)
    expect(ReversePurchaseInputSchema.safeParse({ ...input, receiptId: '' }).success).toBe(false)
    expect(ReversePurchaseInputSchema.safeParse({ ...input, receiptId: 'x'.repeat(41) }).success).toBe(false)
  })
  it('takes no amount: a refund takes back the whole purchase', () => {
    for (const amount of [1e-9, 10, -1]) expect(ReversePurchaseInputSchema.safeParse({ ...input, amount }).success).toBe(false)
  })
  it('lists by till id or by the account, and nothing else', () => {
    expect(ListTillDayInputSchema.safeParse({}).success).toBe(true)
    expect(ListTillDayInputSchema.safeParse({ tillId: 'till-0001' }).success).toBe(true)
    expect(ListTillDayInputSchema.safeParse({ tillId: '../x' }).success).toBe(false)
    expect(ListTillDayInputSchema.safeParse({ partnerId: 'cafe-shachar' }).success).toBe(false)
  })
})

describe('the day’s totals', () => {
  const row = (patch: Partial<TillDayEntry>): TillDayEntry => ({
    id: 'x',
    kind: 'purchase',
    at: '2026-11-27T08:00:00.000Z',
    status: 'recorded',
    receiptId: 'R',
    amountShekels: 0,
    points: 0,
    displayName: 'Dana K.',
    ref: null,
    name: null,
    tillId: 'till-0001',
    ...patch,
  })
  it('adds purchases, refunds, coupons and eco actions apart; held and refused purchases paid no points', () => {
    const totals = tillDayTotals([
      row({ amountShekels: 0.1, points: 1 }),
      row({ amountShekels: 0.2, points: 2, status: 'refunded' }),
      row({ amountShekels: 2500, points: 2500, status: 'pending' }),
      row({ amountShekels: 3000, points: 3000, status: 'refused' }),
      row({ kind: 'refund', amountShekels: 0.2, points: -2 }),
      row({ kind: 'coupon', receiptId: null, amountShekels: null, ref: 'free-coffee' }),
      row({ kind: 'eco', receiptId: null, amountShekels: null, points: 5, ref: 'own-cup' }),
    ])
    expect(totals).toEqual({
      purchases: 4,
      purchaseShekels: 5500.3,
      purchasePoints: 3,
      refunds: 1,
      refundShekels: 0.2,
      refundPoints: -2,
      coupons: 1,
      eco: 1,
      ecoPoints: 5,
    })
  })
})
