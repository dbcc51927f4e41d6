// Staff tools at the till: refunds by receipt (limits, reasons, the till, only the store's own
// receipts, never the staff person's own account) and the day's list of what a till did.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PurchaseResult, RedeemResult, ReversalResult } from '../../src/domain/contracts/callable-results'
import type { RecordPurchaseInput, ReversePurchaseInput } from '../../src/domain/contracts/callable-schemas'
import type { ListTillDayInput, TillDayEntry, TillDayResult } from '../../src/domain/partners/till-day'
import { DEFAULT_PURCHASE_POLICY, type PurchasePolicy } from '../../src/domain/shared/club-config'
import { COLLECTIONS, paths } from '../../src/domain/shared/paths'
import { localDate } from '../../src/domain/shared/calendar'
import { checkInvariants } from '../../scripts/invariants'
import { demoConfig } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { confirmEco, ecoMember, liveToken } from './support/eco'
import { failure, joinedMember, ledgerDocs, memberDoc, receiptId, requestId, scanned, TEST_TILL, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, makeStaff, newClient, roleClient } from './support/emulators'

const MARKET = 'super-hashchuna'
let market: Client
let cafe: Client
let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[market, cafe, operator] = await Promise.all([
    roleClient({ role: 'staff', partnerId: MARKET }),
    roleClient({ role: 'staff', partnerId: 'cafe-shachar' }),
    roleClient({ role: 'admin' }),
  ])
})

afterAll(async () => {
  await closeAdmin()
})

async function policy(changes: Partial<PurchasePolicy> = {}) {
  await admin().db.doc(paths.clubConfig()).update({ purchases: { ...DEFAULT_PURCHASE_POLICY, ...changes } })
}
beforeEach(() => policy())

const purchase = (staff: Client, input: RecordPurchaseInput) => staff.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', input)
const refund = (staff: Client, receipt: string, extra: Partial<ReversePurchaseInput> = {}) =>
  staff.call<ReversePurchaseInput, ReversalResult>('reversePurchase', { receiptId: receipt, reason: 'returned', tillId: TEST_TILL, ...extra })
const listDay = (staff: Client, input: ListTillDayInput = {}) => staff.call<ListTillDayInput, TillDayResult>('listTillDay', input)
const receiptDoc = async (partnerId: string, receipt: string) => (await admin().db.doc(paths.receipt(partnerId, receipt)).get()).data()
const staffDay = async (uid: string) => (await admin().db.doc(paths.staffDay(uid, localDate(new Date(), demoConfig.timeZone))).get()).data()

/** A refusal with the limit it names, as the till reads it. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; reason?: string; limit?: number }> {
  try {
    await promise
  } catch (error) {
    const e = error as { code?: string; details?: { reason?: string; limit?: number } }
    return { code: String(e.code).replace(/^functions\//, ''), reason: e.details?.reason, limit: e.details?.limit }
  }
  throw new Error('expected the call to fail, and it succeeded')
}

/** A staff account of the market with its own e-mail and extra claims (a linked member account). */
async function staffAccount(email: string, extra: { memberUid?: string } = {}) {
  const user = await admin().auth.createUser({ email, password: 'secret-123' })
  await makeStaff(user.uid, MARKET, { email, ...extra })
  const client = await newClient({ signIn: { email, password: 'secret-123' } })
  return { ...client, uid: user.uid }
}

describe('refund by receipt at the till', () => {
  it('takes the purchase back, keeps the reason and the till, counts it for the account and answers without the balance', async () => {
    const staff = await roleClient({ role: 'staff', partnerId: MARKET })
    const member = await joinedMember('Noa Levi')
    const receipt = receiptId()
    await purchase(staff, await scanned(member, 120.5, receipt))
    expect((await memberDoc(member.uid)).balance).toBe(170)

    const answer = await refund(staff, receipt, { reason: 'wrong-amount' })
    expect(answer).toEqual({ reversedPoints: 120, receiptId: receipt, amountShekels: 120.5, displayName: 'Noa L.', replayed: false })
    expect((await memberDoc(member.uid)).balance).toBe(50)
    expect(await receiptDoc(MARKET, receipt)).toMatchObject({ status: 'refunded', refundReason: 'wrong-amount', refundTillId: TEST_TILL, refundedBy: staff.uid! })
    const reversal = (await ledgerDocs(member.uid)).find((e) => e.type === 'reversal')
    expect(reversal).toMatchObject({ points: -120, ref: receipt, by: staff.uid!, tillId: TEST_TILL, refundReason: 'wrong-amount', partnerId: MARKET })
    expect(await staffDay(staff.uid!)).toMatchObject({ count: 1, refundCount: 1, refundSumAgorot: 12050 })
    const audit = await admin().db.collection(COLLECTIONS.audit).where('target', '==', receipt).where('action', '==', 'reversePurchase').get()
    expect(audit.docs.map((d) => d.get('actor'))).toEqual([{ uid: staff.uid!, role: 'staff', partnerId: MARKET, tillId: TEST_TILL }])

    // The same refund again, from the same till: the first answer, counted once.
    expect(await refund(staff, receipt)).toMatchObject({ reversedPoints: 120, replayed: true })
    expect(await staffDay(staff.uid!)).toMatchObject({ refundCount: 1, refundSumAgorot: 12050 })
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
  })

  it('an operator refund names the store and is not counted against any till', async () => {
    const member = await joinedMember()
    const receipt = receiptId()
    await purchase(market, await scanned(member, 30, receipt))
    const answer = await operator.call<ReversePurchaseInput, ReversalResult>('reversePurchase', { receiptId: receipt, partnerId: MARKET, reason: 'cancelled' })
    expect(answer).toMatchObject({ reversedPoints: 30, shortfall: 0, balance: 50, replayed: false })
    expect(await receiptDoc(MARKET, receipt)).toMatchObject({ status: 'refunded', refundReason: 'cancelled', refundTillId: null })
    expect((await staffDay(operator.uid!))?.refundCount ?? 0).toBe(0)
  })

  it('needs a reason from the list and the till, and takes no amount', async () => {
    const member = await joinedMember()
    const receipt = receiptId()
    await purchase(market, await scanned(member, 40, receipt))
    for (const bad of [
      { receiptId: receipt, tillId: TEST_TILL },
      { receiptId: receipt, tillId: TEST_TILL, reason: 'because' },
      { receiptId: receipt, reason: 'returned' },
      { receiptId: receipt, tillId: TEST_TILL, reason: 'returned', amount: 10 },
    ]) {
      expect((await failure(market.call('reversePurchase', bad))).code).toBe('invalid-argument')
    }
    expect(await receiptDoc(MARKET, receipt)).toMatchObject({ status: 'recorded' })
    expect((await memberDoc(member.uid)).balance).toBe(90)
  })

  it('stops an account at its daily count of refunds, with the reason and the limit, changing nothing', async () => {
    await policy({ dailyRefundCount: 2 })
    const staff = await roleClient({ role: 'staff', partnerId: MARKET })
    const member = await joinedMember()
    const receipts = [receiptId(), receiptId(), receiptId()]
    for (const receipt of receipts) await purchase(staff, await scanned(member, 10, receipt))
    await refund(staff, receipts[0]!)
    await refund(staff, receipts[1]!)
    // Each purchase tells its points in the inbox after the fact (a trigger): settled before the snapshot.
    await expect.poll(async () => (await memberDoc(member.uid)).unreadMessages, { timeout: 20_000 }).toBe(3)
    const before = await memberDoc(member.uid)
    expect(await refusal(refund(staff, receipts[2]!))).toEqual({ code: 'resource-exhausted', reason: 'refund-daily-count', limit: 2 })
    expect(await memberDoc(member.uid)).toEqual(before)
    expect(await receiptDoc(MARKET, receipts[2]!)).toMatchObject({ status: 'recorded' })
    expect(await staffDay(staff.uid!)).toMatchObject({ refundCount: 2, refundSumAgorot: 2000 })
    // The limit is the account's: a colleague can still refund it.
    expect(await refund(market, receipts[2]!)).toMatchObject({ replayed: false })
  })

  it('stops an account at its daily ₪ sum of refunds', async () => {
    await policy({ dailyRefundSumShekels: 100 })
    const staff = await roleClient({ role: 'staff', partnerId: MARKET })
    const member = await joinedMember()
    const [first, second] = [receiptId(), receiptId()]
    await purchase(staff, await scanned(member, 60, first))
    await purchase(staff, await scanned(member, 40.01, second))
    await refund(staff, first)
    expect(await refusal(refund(staff, second))).toEqual({ code: 'resource-exhausted', reason: 'refund-daily-sum', limit: 100 })
    expect(await receiptDoc(MARKET, second)).toMatchObject({ status: 'recorded' })
    expect(await staffDay(staff.uid!)).toMatchObject({ refundCount: 1, refundSumAgorot: 6000 })
    expect((await ledgerDocs(member.uid)).filter((e) => e.type === 'reversal')).toHaveLength(1)
  })

  it("answers another store's receipt exactly as a receipt that does not exist", async () => {
    const member = await joinedMember()
    const receipt = receiptId()
    await purchase(market, await scanned(member, 40, receipt))
    const elsewhere = await failure(refund(cafe, receipt))
    expect(elsewhere).toEqual({ code: 'not-found', reason: 'unknown-receipt' })
    expect(await failure(refund(cafe, `${receipt}-none`))).toEqual(elsewhere)
    expect((await failure(refund(cafe, receipt, { partnerId: MARKET }))).code).toBe('permission-denied')
    expect(await receiptDoc(MARKET, receipt)).toMatchObject({ status: 'recorded' })
    expect((await memberDoc(member.uid)).balance).toBe(90)
  })

  it("refuses a staff account refunding a purchase of its own linked member account or mailbox", async () => {
    const member = await joinedMember('Linked Person')
    const receipt = receiptId()
    await purchase(market, await scanned(member, 80, receipt))
    const linked = await staffAccount(`linked.refund.${Date.now()}@example.test`, { memberUid: member.uid })
    expect(await failure(refund(linked, receipt))).toEqual({ code: 'permission-denied', reason: 'staff-self-refund' })

    const stamp = Date.now()
    const own = await admin().auth.createUser({ email: `tal.cash${stamp}@gmail.com`, password: 'secret-123' })
    const self = await newClient({ signIn: { email: own.email!, password: 'secret-123' } })
    const joined = await self.call<object, { memberNo: string }>('joinClub', { name: 'Tal Cash', interests: ['coffee'], language: 'en', marketingConsent: false })
    const ownReceipt = receiptId()
    await purchase(market, await scanned({ ...self, uid: self.uid!, memberNo: joined.memberNo }, 50, ownReceipt))
    const sameMailbox = await staffAccount(`Tal.Cash${stamp}+till@gmail.com`)
    expect(await failure(refund(sameMailbox, ownReceipt))).toEqual({ code: 'permission-denied', reason: 'staff-self-refund' })

    expect(await receiptDoc(MARKET, receipt)).toMatchObject({ status: 'recorded' })
    expect((await memberDoc(member.uid)).balance).toBe(130)
    expect((await staffDay(linked.uid))?.refundCount ?? 0).toBe(0)
  })

  it('keeps refusing a held purchase: it is refused through the review, not refunded', async () => {
    const member = await joinedMember()
    const receipt = receiptId()
    expect(await purchase(market, await scanned(member, 2500, receipt))).toMatchObject({ status: 'pending' })
    expect(await failure(refund(market, receipt))).toEqual({ code: 'failed-precondition', reason: 'purchase-pending' })
    expect(await memberDoc(member.uid)).toMatchObject({ balance: 50, pendingPoints: 2500 })
    expect(await receiptDoc(MARKET, receipt)).toMatchObject({ status: 'pending' })
  })
})

describe('listTillDay', () => {
  const FIELDS = ['amountShekels', 'at', 'displayName', 'id', 'kind', 'name', 'points', 'receiptId', 'ref', 'status', 'tillId'].sort()

  it("lists today's purchases, refunds, coupons and eco actions of this till at this store, newest first, with totals and no balance", async () => {
    const tillA = `till-a-${Date.now()}`
    const tillB = `till-b-${Date.now()}`
    const cashier = await roleClient({ role: 'staff', partnerId: MARKET })
    const colleague = await roleClient({ role: 'staff', partnerId: MARKET })
    const member = await ecoMember('Dana Cohen Katz')
    const [kept, held, refunded, other, cafes] = [receiptId(), receiptId(), receiptId(), receiptId(), receiptId()]

    await purchase(cashier, { ...(await scanned(member, 300, kept)), tillId: tillA })
    await purchase(cashier, { ...(await scanned(member, 2500, held)), tillId: tillA })
    const third = await joinedMember('Avi Ben')
    await purchase(colleague, { ...(await scanned(third, 25, refunded)), tillId: tillA })
    await refund(cashier, refunded, { tillId: tillA, reason: 'cancelled' })
    const coupon = await member.call<object, RedeemResult>('redeemReward', { rewardId: 'voucher-20', requestId: requestId() })
    await cashier.call('useCoupon', { code: coupon.code, requestId: requestId(), tillId: tillA })
    // The card's third live code: the two purchases used the other two.
    await confirmEco(cashier, { token: await liveToken(member), actionId: 'eco-packaging', requestId: requestId(), tillId: tillA })
    // Elsewhere: another till of the store, and another store's staff sending the same till id.
    await purchase(colleague, { ...(await scanned(third, 12, other)), tillId: tillB })
    await purchase(cafe, { ...(await scanned(await joinedMember(), 14, cafes)), tillId: tillA })

    const day = await listDay(cashier, { tillId: tillA })
    expect(day.day).toBe(localDate(new Date(), demoConfig.timeZone))
    expect(day.complete).toBe(true)
    expect(day.entries.map((e) => [e.kind, e.receiptId, e.status])).toEqual([
      ['eco', null, 'recorded'],
      ['coupon', null, 'recorded'],
      ['refund', refunded, 'recorded'],
      ['purchase', refunded, 'refunded'],
      ['purchase', held, 'pending'],
      ['purchase', kept, 'recorded'],
    ])
    const times = day.entries.map((e) => Date.parse(e.at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    for (const entry of day.entries) expect(Object.keys(entry).sort()).toEqual(FIELDS)
    const byKind = (kind: TillDayEntry['kind']) => day.entries.find((e) => e.kind === kind)!
    expect(byKind('refund')).toMatchObject({ amountShekels: 25, points: -25, displayName: 'Avi B.', ref: 'cancelled', tillId: tillA })
    expect(byKind('coupon')).toMatchObject({ points: 0, displayName: 'Dana K.', ref: 'voucher-20', name: { en: '₪20 voucher' } })
    expect(byKind('eco')).toMatchObject({ points: 10, displayName: 'Dana K.', ref: 'eco-packaging' })
    expect(day.entries.find((e) => e.receiptId === kept)).toMatchObject({ amountShekels: 300, points: 300, displayName: 'Dana K.' })
    expect(day.totals).toEqual({
      purchases: 3,
      purchaseShekels: 2825,
      purchasePoints: 325,
      refunds: 1,
      refundShekels: 25,
      refundPoints: -25,
      coupons: 1,
      eco: 1,
      ecoPoints: 10,
    })
    // Nothing in the answer gives away a balance, a member number or a full name.
    const text = JSON.stringify(day)
    expect(text).not.toMatch(/balance|memberNo|uid/i)
    expect(text).not.toContain(member.memberNo)
    expect(text).not.toContain('Cohen')
    expect(text).not.toContain(member.uid!)
    expect(text).not.toContain(coupon.code)

    // The same till id sent by another store's staff lists only that store's own actions.
    expect((await listDay(cafe, { tillId: tillA })).entries.map((e) => e.receiptId)).toEqual([cafes])
    // Without a till: what the calling account did, on any till.
    expect((await listDay(colleague)).entries.map((e) => [e.kind, e.receiptId])).toEqual([
      ['purchase', other],
      ['purchase', refunded],
    ])
  })

  it('is for staff only', async () => {
    const member = await joinedMember()
    expect((await failure(member.call('listTillDay', {}))).code).toBe('permission-denied')
    expect((await failure(operator.call('listTillDay', {}))).code).toBe('permission-denied')
    expect((await failure(market.call('listTillDay', { tillId: TEST_TILL, partnerId: 'cafe-shachar' }))).code).toBe('invalid-argument')
    expect((await failure(market.call('listTillDay', { tillId: '../../x' }))).code).toBe('invalid-argument')
  })
})
