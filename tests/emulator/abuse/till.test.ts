// The till, tried as a dishonest staff member would: paying themselves, huge or tiny receipts,
// typed numbers, stale screenshots of a card, walking the member numbers. Each refusal is asserted
// by its code and reason, and that nothing changed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { MemberAtTill, PurchaseResult, ReviewPurchaseResult } from '../../../src/domain/contracts/callable-results'
import type { RecordPurchaseInput, ReviewPurchaseInput } from '../../../src/domain/contracts/callable-schemas'
import { createCardToken } from '../../../src/domain/cards/card-token'
import { DEFAULT_PURCHASE_POLICY, type PurchasePolicy } from '../../../src/domain/shared/club-config'
import { fromBase64 } from '../../../src/domain/shared/crypto'
import { generateMemberNumber } from '../../../src/domain/cards/member-number'
import type { JoinClubInput, JoinClubResult } from '../../../src/domain/members/join'
import { paths } from '../../../src/domain/shared/paths'
import { checkInvariants } from '../../../scripts/invariants'
import { demoConfig } from '../../../scripts/demo-club'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, receiptId, requestId, scanned, TEST_TILL, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, makeStaff, newClient, roleClient } from '../support/emulators'

let market: Client
let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[market, operator] = await Promise.all([roleClient({ role: 'staff', partnerId: 'super-hashchuna' }), roleClient({ role: 'admin' })])
})

afterAll(async () => {
  await closeAdmin()
})

/** Each test starts from the demo club's limits; some tighten them to reach a limit quickly. */
async function policy(changes: Partial<PurchasePolicy> = {}) {
  await admin().db.doc(paths.clubConfig()).update({ purchases: { ...DEFAULT_PURCHASE_POLICY, ...changes } })
}
beforeEach(() => policy())

const purchase = (staff: Client, input: RecordPurchaseInput) => staff.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', input)
const typed = (member: { memberNo: string }, amount: number, receipt = receiptId()): RecordPurchaseInput => ({
  memberNo: member.memberNo,
  typedReason: 'phone-battery',
  amount,
  receiptId: receipt,
  tillId: TEST_TILL,
})
const receiptDoc = async (partnerId: string, receipt: string) => (await admin().db.doc(paths.receipt(partnerId, receipt)).get()).data()

/** A staff account with its own e-mail, signed in; linked to its person's member account when given. */
async function staffAccount(email: string, extra: { memberUid?: string } = {}) {
  const user = await admin().auth.createUser({ email, password: 'secret-123' })
  await makeStaff(user.uid, 'super-hashchuna', { email, ...extra })
  const client = await newClient({ signIn: { email, password: 'secret-123' } })
  return { ...client, uid: user.uid }
}

async function joinAs(client: Client, name: string) {
  const joined = await client.call<JoinClubInput, JoinClubResult>('joinClub', { name, interests: ['coffee'], language: 'en', marketingConsent: false })
  return { ...client, uid: client.uid!, memberNo: joined.memberNo }
}

describe('item 1: staff never earn on what they record', () => {
  it('refuses a staff account recording for its own member account, scanned or typed', async () => {
    const staff = await staffAccount(`cashier.${Date.now()}@example.test`)
    const self = await joinAs(staff, 'Kobi Cashier')
    expect(await failure(purchase(staff, typed(self, 400)))).toEqual({ code: 'permission-denied', reason: 'staff-self-purchase' })
    expect(await failure(purchase(staff, await scanned(self, 400)))).toEqual({ code: 'permission-denied', reason: 'staff-self-purchase' })
    expect((await memberDoc(self.uid)).balance).toBe(50)
    expect(await ledgerDocs(self.uid)).toHaveLength(1)
  })

  it('refuses a member account with the same mailbox, however the address is spelled', async () => {
    const stamp = Date.now()
    const staff = await staffAccount(`kobi.cash${stamp}@gmail.com`)
    const second = await admin().auth.createUser({ email: `Kobi.Cash${stamp}+club@gmail.com`, password: 'secret-123' })
    const own = await joinAs(await newClient({ signIn: { email: second.email!, password: 'secret-123' } }), 'Kobi Again')
    expect(await failure(purchase(staff, await scanned(own, 300)))).toEqual({ code: 'permission-denied', reason: 'staff-self-purchase' })
    expect((await memberDoc(own.uid)).balance).toBe(50)
  })

  it('refuses the member account the operator linked to the staff account', async () => {
    const member = await joinedMember('Linked Person')
    const staff = await staffAccount(`linked.${Date.now()}@example.test`, { memberUid: member.uid })
    expect(await failure(purchase(staff, await scanned(member, 100)))).toEqual({ code: 'permission-denied', reason: 'staff-self-purchase' })
    expect((await memberDoc(member.uid)).balance).toBe(50)
  })

  it('caps a receipt at the club maximum, and at the partner’s lower one', async () => {
    const member = await joinedMember()
    expect(await failure(purchase(market, await scanned(member, 100_000)))).toEqual({ code: 'resource-exhausted', reason: 'receipt-over-max' })
    expect(await failure(purchase(market, await scanned(member, 5000.01)))).toEqual({ code: 'resource-exhausted', reason: 'receipt-over-max' })
    await admin().db.doc(paths.partner('super-hashchuna')).update({ maxReceiptShekels: 800 })
    try {
      expect(await failure(purchase(market, await scanned(member, 900)))).toEqual({ code: 'resource-exhausted', reason: 'receipt-over-max' })
    } finally {
      await admin().db.doc(paths.partner('super-hashchuna')).update({ maxReceiptShekels: null })
    }
    expect((await memberDoc(member.uid)).balance).toBe(50)
  })

  it('stops a staff account at its daily count and sum', async () => {
    await policy({ dailyCount: 3, dailySumShekels: 250 })
    const staff = await roleClient({ role: 'staff', partnerId: 'super-hashchuna' })
    const [a, b] = await Promise.all([joinedMember(), joinedMember()])
    await purchase(staff, await scanned(a, 100))
    await purchase(staff, await scanned(a, 100))
    expect(await failure(purchase(staff, await scanned(b, 60)))).toEqual({ code: 'resource-exhausted', reason: 'daily-sum' })
    await purchase(staff, await scanned(b, 50))
    expect(await failure(purchase(staff, await scanned(b, 1)))).toEqual({ code: 'resource-exhausted', reason: 'daily-count' })
    // Another staff account at the same store has its own budget.
    expect((await purchase(market, await scanned(a, 10))).status).toBe('recorded')
  })

  it('holds a purchase above the review threshold until an operator approves it', async () => {
    const member = await joinedMember()
    const receipt = receiptId()
    const held = await purchase(market, await scanned(member, 2500, receipt))
    expect(held).toEqual({ status: 'pending', points: 2500, displayName: 'Test M.', tierId: 'silver', replayed: false })
    let doc = await memberDoc(member.uid)
    expect(doc).toMatchObject({ balance: 50, pendingPoints: 2500, tierId: 'silver' })
    // Not spendable: the held points buy nothing.
    expect(await failure(member.call('redeemReward', { rewardId: 'free-coffee', requestId: requestId() }))).toMatchObject({
      reason: 'insufficient-points',
    })
    // The till's retry gets the same answer; staff cannot approve.
    expect(await purchase(market, await scanned(member, 2500, receipt))).toMatchObject({ status: 'pending', replayed: true })
    const decision = { partnerId: 'super-hashchuna', receiptId: receipt, approve: true, note: 'checked the invoice' }
    expect((await failure(market.call('reviewPurchase', decision))).code).toBe('permission-denied')
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])

    const approved = await operator.call<ReviewPurchaseInput, ReviewPurchaseResult>('reviewPurchase', decision)
    expect(approved).toEqual({ status: 'recorded', points: 2500, replayed: false })
    expect((await operator.call<ReviewPurchaseInput, ReviewPurchaseResult>('reviewPurchase', decision)).replayed).toBe(true)
    expect(await failure(operator.call('reviewPurchase', { ...decision, approve: false }))).toEqual({
      code: 'failed-precondition',
      reason: 'purchase-already-reviewed',
    })
    doc = await memberDoc(member.uid)
    expect(doc).toMatchObject({ balance: 2550, pendingPoints: 0 })
    const entry = (await ledgerDocs(member.uid)).find((e) => e.source === 'purchase')!
    expect(entry).toMatchObject({ points: 2500, by: market.uid, tillId: TEST_TILL, approvedBy: operator.uid })
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
  })

  it('pays nothing for a held purchase the operator refuses', async () => {
    const member = await joinedMember()
    const receipt = receiptId()
    await purchase(market, await scanned(member, 3000, receipt))
    const decision = { partnerId: 'super-hashchuna', receiptId: receipt, approve: false, note: 'no such sale in the register' }
    expect(await operator.call('reviewPurchase', decision)).toEqual({ status: 'refused', points: 0, replayed: false })
    expect(await memberDoc(member.uid)).toMatchObject({ balance: 50, pendingPoints: 0 })
    expect(await failure(purchase(market, await scanned(member, 3000, receipt)))).toEqual({ code: 'failed-precondition', reason: 'purchase-refused' })
    expect(await failure(market.call('reversePurchase', { receiptId: receipt, reason: 'returned', tillId: TEST_TILL }))).toEqual({ code: 'failed-precondition', reason: 'purchase-refused' })
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
  })

  it('makes a typed member number give a reason, caps it lower and per day, and flags it', async () => {
    await policy({ dailyTypedCount: 2 })
    const staff = await roleClient({ role: 'staff', partnerId: 'super-hashchuna' })
    const member = await joinedMember()
    const noReason: Partial<RecordPurchaseInput> = typed(member, 40)
    delete noReason.typedReason
    expect(await failure(purchase(staff, noReason as RecordPurchaseInput))).toMatchObject({ code: 'invalid-argument' })
    expect(await failure(purchase(staff, typed(member, 500.5)))).toEqual({ code: 'resource-exhausted', reason: 'typed-over-max' })
    const receipt = receiptId()
    await purchase(staff, typed(member, 40, receipt))
    await purchase(staff, typed(member, 40))
    expect(await failure(purchase(staff, typed(member, 40)))).toEqual({ code: 'resource-exhausted', reason: 'daily-typed' })
    expect(await receiptDoc('super-hashchuna', receipt)).toMatchObject({
      by: staff.uid,
      tillId: TEST_TILL,
      scanned: false,
      typedReason: 'phone-battery',
      flags: ['typed'],
    })
    expect((await memberDoc(member.uid)).balance).toBe(130)
  })
})

describe('item 2: amounts are money', () => {
  it('refuses dust, zero, negatives, nulls, strings and fractions of an agora, and amounts under the club minimum', async () => {
    const member = await joinedMember()
    const input = await scanned(member, 1)
    // NaN and Infinity cannot travel in JSON (the SDK refuses them, a script sends null or text;
    // the schema's own refusal of them is a unit test).
    for (const amount of [1e-9, 0, -5, null, 'NaN', 'Infinity', '12', { value: 12 }, 10.001, 0.125]) {
      expect((await failure(purchase(market, { ...input, amount: amount as number }))).code).toBe('invalid-argument')
    }
    expect(await failure(purchase(market, await scanned(member, 0.99)))).toEqual({ code: 'invalid-argument', reason: 'amount-below-minimum' })
    expect((await memberDoc(member.uid)).balance).toBe(50)
    expect(await ledgerDocs(member.uid)).toHaveLength(1)
    const staffDays = await admin().db.collection('staffUsage').where('count', '>', 0).get()
    expect(staffDays.docs.every((d) => Number.isInteger(d.get('sumAgorot')))).toBe(true)
  })
})

describe('item 7: a card code is fresh by the server’s clock', () => {
  it('refuses a screenshot of an unused card three minutes later, whatever the till claims', async () => {
    const member = await joinedMember()
    const { token } = await scanned(member, 1)
    const key = fromBase64((await member.call<object, { key: string }>('getCardKey', {})).key)
    const threeMinutesAgo = await createCardToken(key, member.memberNo, Date.now() - 3 * 60_000)
    expect(await failure(purchase(market, { token: threeMinutesAgo, amount: 20, receiptId: receiptId(), tillId: TEST_TILL }))).toEqual({
      code: 'failed-precondition',
      reason: 'token-expired',
    })
    // Claiming to be the offline queue is flagged, counted, and bounded by the 12-hour window.
    const tooOld = new Date(Date.now() - 12 * 3_600_000 - 60_000)
    const ancient = await createCardToken(key, member.memberNo, tooOld)
    expect(
      await failure(purchase(market, { token: ancient, amount: 20, receiptId: receiptId(), tillId: TEST_TILL, scannedAt: tooOld.toISOString() })),
    ).toEqual({ code: 'failed-precondition', reason: 'scan-too-old' })
    const future = new Date(Date.now() + 10 * 60_000)
    expect(
      await failure(purchase(market, { token, amount: 20, receiptId: receiptId(), tillId: TEST_TILL, scannedAt: future.toISOString() })),
    ).toEqual({ code: 'invalid-argument', reason: 'scan-in-future' })
    expect((await memberDoc(member.uid)).balance).toBe(50)
  })

  it('caps and flags purchases from the offline queue', async () => {
    await policy({ dailyOfflineCount: 1 })
    const staff = await roleClient({ role: 'staff', partnerId: 'super-hashchuna' })
    const member = await joinedMember()
    const key = fromBase64((await member.call<object, { key: string }>('getCardKey', {})).key)
    const offline = async (minutesAgo: number, receipt = receiptId()) => {
      const at = new Date(Date.now() - minutesAgo * 60_000)
      return { token: await createCardToken(key, member.memberNo, at), amount: 30, receiptId: receipt, tillId: TEST_TILL, scannedAt: at.toISOString() }
    }
    const receipt = receiptId()
    expect(await purchase(staff, await offline(90, receipt))).toMatchObject({ status: 'recorded', points: 30 })
    expect(await receiptDoc('super-hashchuna', receipt)).toMatchObject({ flags: ['offline'], scanned: true })
    expect(await failure(purchase(staff, await offline(60)))).toEqual({ code: 'resource-exhausted', reason: 'daily-offline' })
  })
})

describe('item 8: the till learns only what it must show', () => {
  it('rate-limits member lookups per staff account and answers with a first name and an initial', async () => {
    const staff = await roleClient({ role: 'staff', partnerId: 'super-hashchuna' })
    const other = await roleClient({ role: 'staff', partnerId: 'super-hashchuna' })
    const member = await joinedMember('Dana Levi Cohen')
    // The budget is per clock minute: start the eleven lookups well inside one.
    const seconds = new Date().getUTCSeconds()
    if (seconds > 45) await new Promise((resolve) => setTimeout(resolve, (61 - seconds) * 1000))
    const first = await staff.call<object, MemberAtTill>('lookupMember', { memberNo: member.memberNo, tillId: TEST_TILL })
    expect(first).toEqual({ memberNo: member.memberNo, displayName: 'Dana C.', tierId: 'silver' })
    // 10 a minute per staff account: nine more go through, the eleventh is refused.
    for (let i = 0; i < 9; i++) await staff.call('lookupMember', { memberNo: member.memberNo, tillId: TEST_TILL })
    expect(await failure(staff.call('lookupMember', { memberNo: member.memberNo, tillId: TEST_TILL }))).toEqual({
      code: 'resource-exhausted',
      reason: 'lookups-per-minute',
    })
    // Walking other numbers draws on the same budget.
    expect(await failure(staff.call('lookupMember', { memberNo: generateMemberNumber(Math.random) }))).toEqual({
      code: 'resource-exhausted',
      reason: 'lookups-per-minute',
    })
    // Another staff account (one no other test has used this minute) is not slowed by this one.
    expect((await other.call<object, MemberAtTill>('lookupMember', { memberNo: member.memberNo })).displayName).toBe('Dana C.')
  }, 60_000)

  it('tells the till nothing about the balance', async () => {
    const member = await joinedMember('Noa Bar')
    const result = await purchase(market, typed(member, 1))
    expect(Object.keys(result).sort()).toEqual(['displayName', 'points', 'replayed', 'status', 'tierId'])
    expect(result).toMatchObject({ displayName: 'Noa B.', points: 1 })
  })
})
