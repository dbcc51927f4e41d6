import { Timestamp } from 'firebase-admin/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdjustPointsInput, RecordPurchaseInput, RedeemRewardInput, UseCouponInput } from '../../src/domain/contracts/callable-schemas'
import { paths } from '../../src/domain/shared/paths'
import type { PurchaseResult } from '../../functions/src/purchases/record'
import type { RedeemResult } from '../../functions/src/rewards/redeem'
import { demoConfig } from '../../scripts/demo-club'
import { checkInvariants } from '../../scripts/invariants'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, receiptId, requestId, scanned, TEST_TILL, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from './support/emulators'

let market: Client // staff at Neighborhood Market (partner multiplier 1)
let cafe: Client // staff at Café Shachar (partner multiplier 2)
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

const purchase = (staff: Client, input: RecordPurchaseInput) => staff.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', input)
const redeem = (member: Client, rewardId: string, id = requestId()) =>
  member.call<RedeemRewardInput, RedeemResult>('redeemReward', { rewardId, requestId: id })
const adjust = (memberNo: string, points: number, note = 'test correction') =>
  operator.call<AdjustPointsInput, { balance: number }>('adjustPoints', { memberNo, points, note, requestId: requestId() })

async function expectInvariants(uids: string[]) {
  expect(await checkInvariants(admin().db, demoConfig, uids)).toEqual([])
}

describe('recordPurchase', () => {
  it('pays the club rate × tier × partner multiplier and records the receipt', async () => {
    const member = await joinedMember('Roni Dagan')
    const result = await purchase(cafe, await scanned(member, 45.5, receiptId()))
    expect(result).toEqual({ status: 'recorded', points: 91, displayName: 'Roni D.', tierId: 'silver', replayed: false })
    expect((await memberDoc(member.uid)).balance).toBe(141)
    const entries = await ledgerDocs(member.uid)
    const entry = entries.find((e) => e.id.startsWith('purchase~'))!
    expect(entry).toMatchObject({ type: 'earn', category: 'earned', points: 91, source: 'purchase', partnerId: 'cafe-shachar', amountShekels: 45.5 })
    await expectInvariants([member.uid])
  })

  it('pays exactly once for 20 parallel calls with the same receipt', async () => {
    const member = await joinedMember()
    const input = await scanned(member, 120)
    const results = await Promise.all(Array.from({ length: 20 }, () => purchase(market, input)))
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect(new Set(results.map((r) => r.points))).toEqual(new Set([120]))
    const purchases = (await ledgerDocs(member.uid)).filter((e) => e.id.startsWith('purchase~'))
    expect(purchases).toHaveLength(1)
    expect((await memberDoc(member.uid)).balance).toBe(170)
    await expectInvariants([member.uid])
  }, 120_000)

  it('refuses the same receipt with another amount or for another member', async () => {
    const [a, b] = await Promise.all([joinedMember(), joinedMember()])
    const receipt = receiptId()
    await purchase(market, await scanned(a, 80, receipt))
    expect(await failure(purchase(market, await scanned(a, 90, receipt)))).toEqual({
      code: 'failed-precondition',
      reason: 'receipt-conflict',
    })
    expect(await failure(purchase(market, await scanned(b, 80, receipt)))).toEqual({
      code: 'failed-precondition',
      reason: 'receipt-conflict',
    })
    expect((await memberDoc(b.uid)).balance).toBe(50)
    // The same receipt number at another partner is another purchase.
    await purchase(cafe, await scanned(b, 10, receipt))
    expect((await memberDoc(b.uid)).balance).toBe(70)
  })

  it('is for staff only, and validates its input', async () => {
    const member = await joinedMember()
    const typed = { memberNo: member.memberNo, typedReason: 'qr-unreadable', amount: 10, receiptId: 'R1', tillId: TEST_TILL }
    const anonymous = await newClient({ signUp: false })
    expect((await failure(anonymous.call('recordPurchase', typed))).code).toBe('unauthenticated')
    expect((await failure(member.call('recordPurchase', typed))).code).toBe('permission-denied')
    expect((await failure(operator.call('recordPurchase', typed))).code).toBe('permission-denied')
    for (const bad of [
      { ...typed, amount: -5 },
      { ...typed, amount: 0 },
      { ...typed, amount: 1e-9 },
      { ...typed, amount: 10.005 },
      { ...typed, amount: null },
      { ...typed, amount: 'NaN' },
      { ...typed, amount: '10' },
      { ...typed, memberNo: '12345678' },
      { ...typed, receiptId: 'has spaces' },
      { ...typed, receiptId: '' },
      (({ tillId: _, ...rest }) => rest)(typed),
      (({ typedReason: _, ...rest }) => rest)(typed),
      { ...typed, typedReason: 'because' },
      { ...typed, points: 1000 },
    ]) {
      expect((await failure(market.call('recordPurchase', bad))).code).toBe('invalid-argument')
    }
    const valid = member.memberNo.slice(0, 7) + String((Number(member.memberNo[7]) + 5) % 10)
    expect((await failure(market.call('recordPurchase', { ...typed, memberNo: valid }))).code).toBe('invalid-argument')
    expect((await memberDoc(member.uid)).balance).toBe(50)
  })

  it('raises the tier when qualifying points cross the threshold, and the multiplier applies after', async () => {
    const member = await joinedMember()
    const first = await purchase(market, await scanned(member, 1000, receiptId()))
    expect(first).toMatchObject({ points: 1000, tierId: 'gold' })
    const second = await purchase(market, await scanned(member, 100, receiptId()))
    expect(second.points).toBe(125)
    const doc = await memberDoc(member.uid)
    expect(doc.tierId).toBe('gold')
    expect(doc.qualifying.points).toBe(1125)
  })
})

describe('reversePurchase', () => {
  it('claws back a refunded purchase even after its points were partly spent, and the debt is paid from the next earnings', async () => {
    const member = await joinedMember()
    const receipt = receiptId()
    await purchase(market, await scanned(member, 300, receipt)) // 50 + 300
    await redeem(member, 'car-wash') // −300 → 50
    const refund = await market.call<object, Record<string, unknown>>('reversePurchase', { receiptId: receipt, reason: 'returned', tillId: TEST_TILL })
    expect(refund).toMatchObject({ reversedPoints: 300, receiptId: receipt, amountShekels: 300, replayed: false })
    // The till is never told the balance, nor the debt that would give it away.
    expect(refund).not.toHaveProperty('balance')
    expect(refund).not.toHaveProperty('shortfall')
    let doc = await memberDoc(member.uid)
    expect(doc).toMatchObject({ balance: 0, pointsDebt: 250 })
    expect(doc.qualifying.points).toBe(0)

    const again = await market.call<object, { replayed: boolean }>('reversePurchase', { receiptId: receipt, reason: 'returned', tillId: TEST_TILL })
    expect(again.replayed).toBe(true)

    const next = await purchase(market, await scanned(member, 100, receiptId()))
    expect(next.points).toBe(100)
    doc = await memberDoc(member.uid)
    expect(doc).toMatchObject({ balance: 0, pointsDebt: 150 })
    const recovery = (await ledgerDocs(member.uid)).find((e) => e.reason === 'debt_recovery')
    expect(recovery).toMatchObject({ type: 'adjust', points: -100 })
    await expectInvariants([member.uid])
  })

  it("lets staff refund only their own store's receipts", async () => {
    const member = await joinedMember()
    const receipt = receiptId()
    await purchase(market, await scanned(member, 40, receipt))
    expect((await failure(cafe.call('reversePurchase', { receiptId: receipt, reason: 'returned', tillId: TEST_TILL }))).code).toBe('not-found')
    expect((await failure(cafe.call('reversePurchase', { receiptId: receipt, partnerId: 'super-hashchuna', reason: 'returned', tillId: TEST_TILL }))).code).toBe('permission-denied')
    expect((await failure(member.call('reversePurchase', { receiptId: receipt, reason: 'returned', tillId: TEST_TILL }))).code).toBe('permission-denied')
    const byOperator = await operator.call<object, { reversedPoints: number }>('reversePurchase', { receiptId: receipt, partnerId: 'super-hashchuna', reason: 'returned' })
    expect(byOperator.reversedPoints).toBe(40)
    expect((await memberDoc(member.uid)).balance).toBe(50)
  })
})

describe('redeemReward and useCoupon', () => {
  it('refuses a member with too few points and writes nothing', async () => {
    const member = await joinedMember()
    expect(await failure(redeem(member, 'free-coffee'))).toEqual({ code: 'failed-precondition', reason: 'insufficient-points' })
    expect((await memberDoc(member.uid)).balance).toBe(50)
    expect(await ledgerDocs(member.uid)).toHaveLength(1)
    const coupons = await admin().db.collection('coupons').where('uid', '==', member.uid).get()
    expect(coupons.size).toBe(0)
  })

  it('refuses tier-exclusive rewards below the tier', async () => {
    const member = await joinedMember()
    await adjust(member.memberNo, 2000)
    expect(await failure(redeem(member, 'board-game'))).toEqual({ code: 'failed-precondition', reason: 'tier' })
  })

  it('issues one single-use coupon per request, retries included', async () => {
    const member = await joinedMember()
    await purchase(cafe, await scanned(member, 30, receiptId())) // 50 + 60
    const id = requestId()
    const [a, b] = await Promise.all([redeem(member, 'free-coffee', id), redeem(member, 'free-coffee', id)])
    expect(a.code).toBe(b.code)
    expect(a.code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/)
    expect((await memberDoc(member.uid)).balance).toBe(50)

    const use = (staff: Client, input: UseCouponInput) => staff.call<UseCouponInput, { replayed: boolean }>('useCoupon', input)
    expect(await failure(use(market, { code: a.code, requestId: requestId(), tillId: TEST_TILL }))).toEqual({ code: 'failed-precondition', reason: 'coupon-wrong-partner' })
    const till = requestId()
    expect((await use(cafe, { code: a.code, requestId: till, tillId: TEST_TILL })).replayed).toBe(false)
    expect((await use(cafe, { code: a.code, requestId: till, tillId: TEST_TILL })).replayed).toBe(true)
    expect(await failure(use(cafe, { code: a.code, requestId: requestId(), tillId: TEST_TILL }))).toEqual({ code: 'failed-precondition', reason: 'coupon-used' })
    expect(await failure(use(cafe, { code: 'ZZZZZ-ZZZZZ', requestId: requestId(), tillId: TEST_TILL }))).toEqual({ code: 'not-found', reason: 'unknown-coupon' })
    expect((await failure(member.call('useCoupon', { code: a.code, requestId: requestId(), tillId: TEST_TILL }))).code).toBe('permission-denied')
    await expectInvariants([member.uid])
  })

  it('refuses an expired coupon', async () => {
    const member = await joinedMember()
    await adjust(member.memberNo, 500)
    const { code } = await redeem(member, 'voucher-50')
    await admin().db.doc(paths.coupon(code)).update({ expiresAt: Timestamp.fromMillis(Date.now() - 1000) })
    expect(await failure(market.call('useCoupon', { code, requestId: requestId(), tillId: TEST_TILL }))).toEqual({ code: 'failed-precondition', reason: 'coupon-expired' })
  })

  it('never sells the last item twice under concurrent redemptions', async () => {
    await admin().db.doc(paths.reward('kids-book')).update({ stock: 1 })
    const members = await Promise.all(Array.from({ length: 6 }, () => joinedMember()))
    await Promise.all(members.map((m) => adjust(m.memberNo, 400)))
    const outcomes = await Promise.allSettled(members.map((m) => redeem(m, 'kids-book')))
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      expect((o as PromiseRejectedResult).reason.details?.reason).toBe('out-of-stock')
    }
    expect((await admin().db.doc(paths.reward('kids-book')).get()).get('stock')).toBe(0)
    const balances = await Promise.all(members.map((m) => memberDoc(m.uid)))
    expect(balances.map((d) => d.balance).sort()).toEqual([100, 450, 450, 450, 450, 450])
    await expectInvariants(members.map((m) => m.uid))
  })
})

describe('adjustPoints', () => {
  it('is for operators, needs a note, and cannot take the balance below zero', async () => {
    const member = await joinedMember()
    expect((await failure(market.call('adjustPoints', { memberNo: member.memberNo, points: 10, note: 'why not', requestId: requestId() }))).code).toBe('permission-denied')
    expect((await failure(operator.call('adjustPoints', { memberNo: member.memberNo, points: 10, note: '', requestId: requestId() }))).code).toBe('invalid-argument')
    expect(await failure(adjust(member.memberNo, -60))).toMatchObject({ code: 'failed-precondition', reason: 'insufficient-points' })
    expect((await adjust(member.memberNo, -20, 'duplicate welcome')).balance).toBe(30)
    const entry = (await ledgerDocs(member.uid)).find((e) => e.type === 'adjust')
    expect(entry).toMatchObject({ points: -20, note: 'duplicate welcome', category: 'corrected' })
    await expectInvariants([member.uid])
  })
})

describe('claimProfileReward', () => {
  it('pays once, for a complete profile only', async () => {
    const sparse = await joinedMember()
    expect(await failure(sparse.call('claimProfileReward', {}))).toEqual({ code: 'failed-precondition', reason: 'profile-incomplete' })
    const full = await joinedMember('Full Profile', { birthday: '1991-07-07', interests: ['coffee', 'books', 'kids'] })
    expect(await full.call('claimProfileReward', {})).toMatchObject({ points: 40, replayed: false })
    expect(await full.call('claimProfileReward', {})).toMatchObject({ points: 40, replayed: true })
    expect((await memberDoc(full.uid)).balance).toBe(90)
  })
})
