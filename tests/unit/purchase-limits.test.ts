import { describe, expect, it } from 'vitest'
import { DEFAULT_PURCHASE_POLICY } from '@/domain/shared/club-config'
import { idOf, LEDGER_IDS } from '@/domain/shared/paths'
import { RecordPurchaseInputSchema } from '@/domain/contracts/callable-schemas'
import {
  afterPurchase,
  countLookup,
  EMPTY_STAFF_DAY,
  needsReview,
  offlineScanRefusal,
  purchaseRefusal,
} from '@/domain/partners/purchase-limits'

const policy = DEFAULT_PURCHASE_POLICY
const partner = { maxReceiptShekels: null }
const scan = (amountShekels: number) => ({ amountShekels, typed: false, offline: false })

describe('idOf', () => {
  it('never makes two parts lists into one id', () => {
    const lists = [
      ['purchase', 'a', 'b~c'],
      ['purchase', 'a~b', 'c'],
      ['purchase', 'a-b', 'c'],
      ['purchase', 'a', 'b-c'],
      ['purchase', 'a', 'b%7Ec'],
      ['purchase', 'a', 'b', 'c'],
      ['debt', 'purchase~a~b'],
      ['debt', 'purchase', 'a', 'b'],
      ['purchase', 'a', 'b~debt'],
    ]
    const ids = lists.map((parts) => idOf(...parts))
    expect(new Set(ids).size).toBe(lists.length)
  })

  it('makes valid Firestore ids of anything a till may type', () => {
    for (const receipt of ['..', '.', 'a/b', '__x__', '%', '~', 'x-debt']) {
      const id = LEDGER_IDS.purchase('cafe', receipt)
      expect(id).not.toContain('/')
      expect(id.split('~')).toHaveLength(3)
      expect(decodeURIComponent(id.split('~')[2]!)).toBe(receipt)
    }
    expect(LEDGER_IDS.debtRecovery(LEDGER_IDS.purchase('p', 'r'))).not.toBe(LEDGER_IDS.purchase('p', 'r-debt'))
  })
})

describe('amounts', () => {
  const input = { token: 'V1.12345678.1.AAAAAAAAAA', amount: 10, receiptId: 'R1', tillId: 'till-0001' }
  it.each([1e-9, 0, -1, Number.NaN, Infinity, 10.001, 0.125, 1_000_000.01])('refuses %s', (amount) => {
    expect(RecordPurchaseInputSchema.safeParse({ ...input, amount }).success).toBe(false)
  })
  it.each([0.01, 1, 12.3, 12.34, 4999.99])('accepts %s', (amount) => {
    expect(RecordPurchaseInputSchema.safeParse({ ...input, amount }).success).toBe(true)
  })
  it('needs a reason for a typed number, and none for a scan', () => {
    const typed = { memberNo: '12345674', amount: 10, receiptId: 'R1', tillId: 'till-0001' }
    expect(RecordPurchaseInputSchema.safeParse(typed).success).toBe(false)
    expect(RecordPurchaseInputSchema.safeParse({ ...input, typedReason: 'qr-unreadable' }).success).toBe(false)
  })
})

describe('purchaseRefusal', () => {
  it('applies the minimum, the maxima and the daily limits in agorot', () => {
    expect(purchaseRefusal(policy, partner, EMPTY_STAFF_DAY, scan(0.99))).toMatchObject({ reason: 'amount-below-minimum' })
    expect(purchaseRefusal(policy, partner, EMPTY_STAFF_DAY, scan(5000))).toBeNull()
    expect(purchaseRefusal(policy, partner, EMPTY_STAFF_DAY, scan(5000.01))).toMatchObject({ reason: 'receipt-over-max' })
    expect(purchaseRefusal(policy, { maxReceiptShekels: 300 }, EMPTY_STAFF_DAY, scan(300.01))).toMatchObject({ reason: 'receipt-over-max', limit: 300 })
    expect(purchaseRefusal(policy, partner, EMPTY_STAFF_DAY, { ...scan(500.01), typed: true })).toMatchObject({ reason: 'typed-over-max' })
    let day = EMPTY_STAFF_DAY
    for (let i = 0; i < 3; i++) day = afterPurchase(day, scan(0.1 + 0.2))
    expect(day.sumAgorot).toBe(90)
    const full = { ...EMPTY_STAFF_DAY, count: policy.dailyCount }
    expect(purchaseRefusal(policy, partner, full, scan(1))).toMatchObject({ code: 'resource-exhausted', reason: 'daily-count' })
    const rich = { ...EMPTY_STAFF_DAY, sumAgorot: policy.dailySumShekels * 100 - 100 }
    expect(purchaseRefusal(policy, partner, rich, scan(1.01))).toMatchObject({ reason: 'daily-sum' })
    expect(purchaseRefusal(policy, partner, rich, scan(1))).toBeNull()
  })

  it('holds purchases above the review threshold', () => {
    expect(needsReview(policy, 2000)).toBe(false)
    expect(needsReview(policy, 2000.01)).toBe(true)
  })
})

describe('offline scans and lookups', () => {
  const now = new Date('2026-11-26T12:00:00Z')
  it('accepts the offline queue within its window only', () => {
    expect(offlineScanRefusal(policy, new Date(now.getTime() - 11.9 * 3_600_000), now)).toBeNull()
    expect(offlineScanRefusal(policy, new Date(now.getTime() - 12.1 * 3_600_000), now)).toBe('scan-too-old')
    expect(offlineScanRefusal(policy, new Date(now.getTime() + 5 * 60_000), now)).toBe('scan-in-future')
  })
  it('counts lookups per minute and per day', () => {
    let day = EMPTY_STAFF_DAY
    for (let i = 0; i < policy.lookupsPerMinute; i++) {
      const counted = countLookup(policy, day, now)
      if (!counted.ok) throw new Error('refused too early')
      day = counted.next
    }
    expect(countLookup(policy, day, now)).toMatchObject({ ok: false, reason: 'lookups-per-minute' })
    expect(countLookup(policy, day, new Date(now.getTime() + 60_000)).ok).toBe(true)
    expect(countLookup(policy, { ...day, lookups: policy.lookupsPerDay }, new Date(now.getTime() + 60_000))).toMatchObject({
      ok: false,
      reason: 'lookups-per-day',
    })
  })
})
