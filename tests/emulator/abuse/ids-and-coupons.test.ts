// Ledger ids built from outside input, and coupons accepted twice: tried as an attacker would.
import { Timestamp } from 'firebase-admin/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PurchaseResult, RedeemResult, UseCouponResult } from '../../../src/domain/contracts/callable-results'
import type { RecordPurchaseInput, UseCouponInput } from '../../../src/domain/contracts/callable-schemas'
import { paths } from '../../../src/domain/shared/paths'
import { checkInvariants } from '../../../scripts/invariants'
import { demoConfig } from '../../../scripts/demo-club'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId, TEST_TILL, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from '../support/emulators'

let market: Client
let cafe: Client
let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[market, cafe, operator] = await Promise.all([
    roleClient({ role: 'staff', partnerId: 'super-hashchuna' }),
    roleClient({ role: 'staff', partnerId: 'cafe-shachar' }),
    roleClient({ role: 'admin' }),
  ])
})

afterAll(async () => {
  await closeAdmin()
})

const typed = (member: { memberNo: string }, amount: number, receipt: string): RecordPurchaseInput => ({
  memberNo: member.memberNo,
  typedReason: 'qr-unreadable',
  amount,
  receiptId: receipt,
  tillId: TEST_TILL,
})
const purchase = (staff: Client, input: RecordPurchaseInput) => staff.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', input)

describe('item 4: no receipt number collides with another entry', () => {
  it('keeps a member with debt whole through receipts named after the debt entry and our separators', async () => {
    const member = await joinedMember()
    // Earn, spend, refund: the member owes points, so the next purchase writes a debt-recovery entry.
    await purchase(market, typed(member, 300, 'R1'))
    await member.call('redeemReward', { rewardId: 'car-wash', requestId: requestId() })
    await market.call('reversePurchase', { receiptId: 'R1', reason: 'returned', tillId: TEST_TILL })
    expect((await memberDoc(member.uid)).pointsDebt).toBe(250)
    const adversarial = ['R2', 'R2-debt', 'R2~debt', 'debt~purchase~super-hashchuna~R2', '..', '%7E', 'a/b', 'refund-R2', '__R2__']
    for (const receipt of adversarial) {
      expect((await purchase(market, typed(member, 30, receipt))).status).toBe('recorded')
    }
    // Every receipt is its own purchase, the recoveries are separate entries, and it all adds up.
    const entries = await ledgerDocs(member.uid)
    expect(entries.filter((e) => e.source === 'purchase' && e.type === 'earn').map((e) => e.ref).sort()).toEqual(['R1', ...adversarial].sort())
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
    expect(await memberDoc(member.uid)).toMatchObject({ pointsDebt: 0, balance: 20 })
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
    // A refund of one of them finds exactly that receipt.
    expect(await market.call('reversePurchase', { receiptId: 'R2-debt', reason: 'returned', tillId: TEST_TILL })).toMatchObject({ reversedPoints: 30 })
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
  }, 60_000)

  it('treats the same receipt number at two partners as two purchases, never as one', async () => {
    const member = await joinedMember()
    await purchase(market, typed(member, 10, 'shachar-77'))
    await purchase(cafe, typed(member, 10, '77'))
    expect((await ledgerDocs(member.uid)).filter((e) => e.source === 'purchase')).toHaveLength(2)
  })
})

describe('item 5: a coupon is accepted once', () => {
  async function coupon() {
    const member = await joinedMember()
    await operator.call('adjustPoints', { memberNo: member.memberNo, points: 500, note: 'for the test', requestId: requestId() })
    const issued = await member.call<object, RedeemResult>('redeemReward', { rewardId: 'voucher-20', requestId: requestId() })
    return { member, code: issued.code }
  }
  const use = (staff: Client, input: UseCouponInput) => staff.call<UseCouponInput, UseCouponResult>('useCoupon', input)

  it('answers a used coupon "already used" at any other store, even with the original request id', async () => {
    const { member, code } = await coupon()
    const first = { code, requestId: requestId(), tillId: TEST_TILL }
    expect((await use(market, first)).replayed).toBe(false)
    // The till's own retry gets its answer again …
    expect((await use(market, first)).replayed).toBe(true)
    // … but the same request id elsewhere, or a new one here, is refused.
    expect(await failure(use(cafe, first))).toEqual({ code: 'failed-precondition', reason: 'coupon-used' })
    expect(await failure(use(market, { ...first, requestId: requestId() }))).toEqual({ code: 'failed-precondition', reason: 'coupon-used' })
    // The request id is nowhere the member can read.
    const visible = (await admin().db.doc(paths.coupon(code)).get()).data()!
    expect(JSON.stringify(visible)).not.toContain(first.requestId)
    expect(visible).not.toHaveProperty('usedBy')
    expect(await memberDoc(member.uid)).toMatchObject({ balance: 350 })
  })

  it('refuses a used coupon after it expired, even replayed', async () => {
    const { code } = await coupon()
    const first = { code, requestId: requestId(), tillId: TEST_TILL }
    await use(market, first)
    await admin().db.doc(paths.coupon(code)).update({ expiresAt: Timestamp.fromMillis(Date.now() - 1000) })
    expect(await failure(use(cafe, { ...first, requestId: requestId() }))).toEqual({ code: 'failed-precondition', reason: 'coupon-used' })
  })

  it('accepts a coupon once under 20 parallel tills', async () => {
    const { code } = await coupon()
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => use(market, { code, requestId: requestId(), tillId: TEST_TILL })))
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    for (const o of outcomes) {
      if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'functions/failed-precondition', details: { reason: 'coupon-used' } })
    }
  }, 120_000)
})
