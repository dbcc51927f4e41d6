// Refunds at the till and the day's list, tried as an attacker would: the same refund twenty times
// at once, receipt numbers built to collide with another store's ids, tiny amounts, a refund sent
// again from another till or store, and a member calling the staff tools. Each refusal is asserted
// by its code and reason, and that nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PurchaseResult, ReversalResult } from '../../../src/domain/contracts/callable-results'
import type { RecordPurchaseInput, ReversePurchaseInput } from '../../../src/domain/contracts/callable-schemas'
import type { ListTillDayInput, TillDayResult } from '../../../src/domain/partners/till-day'
import { localDate } from '../../../src/domain/shared/calendar'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import { checkInvariants } from '../../../scripts/invariants'
import { demoConfig } from '../../../scripts/demo-club'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, receiptId, scanned, TEST_TILL, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from '../support/emulators'

const MARKET = 'super-hashchuna'
let market: Client
let colleague: Client
let cafe: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[market, colleague, cafe] = await Promise.all([
    roleClient({ role: 'staff', partnerId: MARKET }),
    roleClient({ role: 'staff', partnerId: MARKET }),
    roleClient({ role: 'staff', partnerId: 'cafe-shachar' }),
  ])
})

afterAll(async () => {
  await closeAdmin()
})

const purchase = (staff: Client, input: RecordPurchaseInput) => staff.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', input)
const refund = (staff: Client, receipt: string, extra: Record<string, unknown> = {}) =>
  staff.call<ReversePurchaseInput, ReversalResult>('reversePurchase', { receiptId: receipt, reason: 'returned', tillId: TEST_TILL, ...extra } as ReversePurchaseInput)
const receiptDoc = async (partnerId: string, receipt: string) => (await admin().db.doc(paths.receipt(partnerId, receipt)).get()).data()
const refundCount = async (uid: string) =>
  Number((await admin().db.doc(paths.staffDay(uid, localDate(new Date(), demoConfig.timeZone))).get()).get('refundCount') ?? 0)
const refundRows = async (receipt: string) =>
  (await admin().db.collection(COLLECTIONS.tillLog).where('kind', '==', 'refund').where('receiptId', '==', receipt).get()).docs.map((d) => d.data())

describe('refunds at the till, attacked', () => {
  it('twenty refunds of one receipt at once take the points back once and count once', async () => {
    const staff = await roleClient({ role: 'staff', partnerId: MARKET })
    const member = await joinedMember()
    const receipt = receiptId()
    await purchase(staff, await scanned(member, 200, receipt))
    const answers = await Promise.all(Array.from({ length: 20 }, () => refund(staff, receipt)))
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1)
    for (const answer of answers) expect(answer).toEqual({ reversedPoints: 200, receiptId: receipt, amountShekels: 200, displayName: 'Test M.', replayed: answer.replayed })
    expect((await refund(staff, receipt)).replayed).toBe(true)
    expect((await ledgerDocs(member.uid)).filter((e) => e.type === 'reversal')).toHaveLength(1)
    expect((await memberDoc(member.uid)).balance).toBe(50)
    expect(await refundCount(staff.uid!)).toBe(1)
    expect(await refundRows(receipt)).toHaveLength(1)
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
    // Twenty cold Functions-emulator workers start at once on a small machine.
  }, 120_000)

  it('no receipt number reaches another receipt or another store’s: ~, /, .. and encodings', async () => {
    const member = await joinedMember()
    await purchase(market, await scanned(member, 40, 'a~b'))
    const before = await memberDoc(member.uid)
    for (const forged of ['a', 'b', 'a%7Eb', 'a~b~', '..', '.', 'a/b', `${MARKET}~a~b`, `../${MARKET}~a~b`]) {
      expect(await failure(refund(market, forged))).toEqual({ code: 'not-found', reason: 'unknown-receipt' })
    }
    // The cafe's staff, with the market's receipt or the market's id spelled into the receipt.
    for (const forged of ['a~b', `${MARKET}~a~b`, `%2E%2E/${MARKET}`]) {
      expect(await failure(refund(cafe, forged))).toEqual({ code: 'not-found', reason: 'unknown-receipt' })
    }
    expect(await memberDoc(member.uid)).toEqual(before)
    expect(await receiptDoc(MARKET, 'a~b')).toMatchObject({ status: 'recorded' })
    // A receipt that really is `..` or holds a slash is its own, and refunds as itself.
    for (const odd of ['..', 'x/y']) {
      await purchase(market, await scanned(await joinedMember(), 10, odd))
      expect(await refund(market, odd)).toMatchObject({ receiptId: odd, reversedPoints: 10, replayed: false })
    }
    expect(await receiptDoc(MARKET, 'a~b')).toMatchObject({ status: 'recorded' })
  })

  it('takes no amount: 1e-9, a negative or a partial amount is invalid and changes nothing', async () => {
    const member = await joinedMember()
    const receipt = receiptId()
    await purchase(market, await scanned(member, 90, receipt))
    for (const amount of [1e-9, -90, 45, '90']) {
      expect((await failure(refund(market, receipt, { amount }))).code).toBe('invalid-argument')
    }
    for (const bad of [{ reason: '' }, { reason: 'returned; drop' }, { tillId: '../till' }, { tillId: 'x'.repeat(65) }, { receiptId: 'x'.repeat(41) }, { receiptId: 'with space' }]) {
      expect((await failure(refund(market, receipt, bad))).code).toBe('invalid-argument')
    }
    expect(await receiptDoc(MARKET, receipt)).toMatchObject({ status: 'recorded' })
    expect((await memberDoc(member.uid)).balance).toBe(140)
  })

  it('a refund sent again from another till of the store answers the first; from another store it is not found', async () => {
    const member = await joinedMember()
    const receipt = receiptId()
    await purchase(market, await scanned(member, 70, receipt))
    expect(await refund(market, receipt, { tillId: 'till-first-0001' })).toMatchObject({ replayed: false })
    const colleagueBefore = await refundCount(colleague.uid!)
    expect(await refund(colleague, receipt, { tillId: 'till-other-0002', reason: 'cancelled' })).toMatchObject({ replayed: true, reversedPoints: 70 })
    expect(await failure(refund(cafe, receipt, { tillId: 'till-first-0001' }))).toEqual({ code: 'not-found', reason: 'unknown-receipt' })
    expect(await refundCount(colleague.uid!)).toBe(colleagueBefore)
    expect(await receiptDoc(MARKET, receipt)).toMatchObject({ refundTillId: 'till-first-0001', refundReason: 'returned', refundedBy: market.uid })
    expect((await refundRows(receipt)).map((r) => r.tillId)).toEqual(['till-first-0001'])
    expect((await memberDoc(member.uid)).balance).toBe(50)
  })

  it('refund then record the same receipt again pays nothing more', async () => {
    const member = await joinedMember()
    const receipt = receiptId()
    const input = await scanned(member, 120, receipt)
    await purchase(market, input)
    await refund(market, receipt)
    const again = await purchase(market, { ...(await scanned(member, 120, receipt)) })
    expect(again.replayed).toBe(true)
    expect((await memberDoc(member.uid)).balance).toBe(50)
    expect(await receiptDoc(MARKET, receipt)).toMatchObject({ status: 'refunded' })
  })

  it('a member calling the staff tools is refused and learns nothing', async () => {
    const member = await joinedMember()
    const receipt = receiptId()
    await purchase(market, await scanned(member, 30, receipt))
    expect((await failure(refund(member, receipt))).code).toBe('permission-denied')
    expect((await failure(refund(member, receipt, { partnerId: MARKET }))).code).toBe('permission-denied')
    expect((await failure(refund(member, 'no-such-receipt'))).code).toBe('permission-denied')
    expect((await failure(member.call<ListTillDayInput, TillDayResult>('listTillDay', {}))).code).toBe('permission-denied')
    expect((await failure(member.call<ListTillDayInput, TillDayResult>('listTillDay', { tillId: TEST_TILL }))).code).toBe('permission-denied')
    expect(await receiptDoc(MARKET, receipt)).toMatchObject({ status: 'recorded' })
    expect((await memberDoc(member.uid)).balance).toBe(80)
  })
})
