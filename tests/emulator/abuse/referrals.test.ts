// Farming the referral ladder, as a script against the emulators would: fake friends, throwaway
// mailboxes, typed numbers, small or queued purchases, visits instead of purchases, a burst of
// friends, a refund after the payout, a lent tier stretched, a landing page reloaded. Each test
// checks that nothing was paid (balances and ledger sums), or what exactly was paid.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CheckInResult, ReviewReferralResult } from '../../../src/domain/contracts/callable-results'
import type { RecordPurchaseInput, ReviewReferralInput } from '../../../src/domain/contracts/callable-schemas'
import { addDays, localDate } from '../../../src/domain/shared/calendar'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { DEMO_PROJECT_ID, EMULATOR_PORTS, FUNCTIONS_REGION } from '../../../src/domain/shared/platform'
import { posterLink } from '../../../src/domain/partners/poster-code'
import { posterCodeFor } from '../../../functions/src/partners/poster-key'
import { clawBackReferralAfterRefund, settleReferralAfterPurchase, type QualifyingPurchase } from '../../../functions/src/referrals/settle'
import { demoConfig, demoPartners } from '../../../scripts/demo-club'
import { checkInvariants } from '../../../scripts/invariants'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, receiptId, requestId, TEST_TILL, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from '../support/emulators'
import { codeOf, joinAs, ledgerSum, reasons, referralOf, scannedPurchase, tillId, unique, type Friend } from '../support/referrals'

let staff: Client
let operator: Client

beforeAll(async () => {
  await clearEmulators()
  staff = await roleClient({ role: 'staff', partnerId: 'super-hashchuna' })
  operator = await roleClient({ role: 'admin' })
})

beforeEach(async () => {
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

const PARTNER = 'super-hashchuna'
const mail = (tag: string, domain = 'walla.co.il') => `${tag}.${unique()}@${domain}`

/** A referrer and one friend who joined with their code. */
async function pair(friendEmail = mail('friend'), verified = true) {
  const referrer = await joinedMember('Farm Owner')
  const friend = await joinAs(friendEmail, await codeOf(referrer.uid), { verified, name: 'Fake Friend' })
  return { referrer, friend }
}

/** Nobody was paid for the referral: the referral still waits, balances are the welcome gift plus purchases, the ledgers add up. */
async function expectNothingPaid(referrerUid: string, friend: Friend, status = 'joined') {
  expect((await referralOf(friend.uid)).status).toBe(status)
  expect(await reasons(referrerUid)).toEqual(['welcome_gift'])
  expect((await memberDoc(referrerUid)).balance).toBe(50)
  expect((await reasons(friend.uid)).filter((r) => r.startsWith('referral'))).toEqual([])
  expect(await ledgerSum(friend.uid)).toBe((await memberDoc(friend.uid)).balance)
  expect(await checkInvariants(admin().db, demoConfig, [referrerUid, friend.uid])).toEqual([])
}

describe('who can never qualify a friend', () => {
  it('a friend whose e-mail was never verified: a real scanned purchase pays nobody', async () => {
    const { referrer, friend } = await pair(mail('unverified'), false)
    const sale = await scannedPurchase(staff, friend, 80, tillId())
    expect(sale.points).toBe(80)
    await expectNothingPaid(referrer.uid, friend)
    // Once the mailbox is confirmed, the next real purchase qualifies.
    await admin().auth.updateUser(friend.uid, { emailVerified: true })
    await scannedPurchase(staff, friend, 80, tillId())
    expect((await referralOf(friend.uid)).status).toBe('qualified')
  })

  it('a throwaway mailbox, a subdomain of one, or a domain the club listed itself', async () => {
    for (const email of [mail('bot', 'yopmail.com'), mail('bot', 'inbox.mailinator.com'), mail('bot', 'mx.tempmail.com')]) {
      const { referrer, friend } = await pair(email)
      await scannedPurchase(staff, friend, 80, tillId())
      await expectNothingPaid(referrer.uid, friend, 'refused')
      expect((await referralOf(friend.uid)).refusal).toBe('disposable-email')
    }
  })

  it('a purchase on a typed member number', async () => {
    const { referrer, friend } = await pair()
    const typed: RecordPurchaseInput = { memberNo: friend.memberNo, typedReason: 'phone-battery', amount: 80, receiptId: receiptId(), tillId: tillId() }
    await staff.call('recordPurchase', typed)
    await expectNothingPaid(referrer.uid, friend)
  })

  it('a purchase below the minimum spend, by one agora', async () => {
    const { referrer, friend } = await pair()
    await scannedPurchase(staff, friend, 49.99, tillId())
    await expectNothingPaid(referrer.uid, friend)
    await scannedPurchase(staff, friend, 50, tillId())
    expect((await referralOf(friend.uid)).status).toBe('qualified')
  })

  it('a purchase from the till’s offline queue', async () => {
    const { referrer, friend } = await pair()
    const scannedAt = new Date(Date.now() - 10 * 60_000)
    const queued: RecordPurchaseInput = {
      token: await friend.tokenAt(scannedAt),
      amount: 80,
      receiptId: receiptId(),
      tillId: tillId(),
      scannedAt: scannedAt.toISOString(),
    }
    await staff.call('recordPurchase', queued)
    expect((await ledgerDocs(friend.uid)).filter((e) => e.source === 'purchase')).toHaveLength(1)
    await expectNothingPaid(referrer.uid, friend)
  })

  it('a visit (a scan of the store’s poster) instead of a purchase', async () => {
    const { referrer, friend } = await pair()
    const partner = demoPartners.find((p) => p.id === 'carmel-books')!
    const visit = await friend.call<object, CheckInResult>('checkIn', {
      code: posterLink('http://localhost:5173', await posterCodeFor(admin().db, partner.id)),
      requestId: requestId(),
      location: { ...partner.location, accuracy: 10 },
    })
    expect(visit.points).toBeGreaterThan(0)
    await expectNothingPaid(referrer.uid, friend)
  })

  it('the settlement itself refuses what the till must never pass on as qualifying', async () => {
    const { referrer, friend } = await pair()
    const base: QualifyingPurchase = {
      partnerId: PARTNER,
      receiptId: 'R-direct',
      entryId: LEDGER_IDS.purchase(PARTNER, 'R-direct'),
      amountShekels: 80,
      points: 80,
      scanned: true,
      offline: false,
      status: 'recorded',
    }
    for (const bad of [{ scanned: false }, { offline: true }, { status: 'pending' as const }, { points: 0 }, { amountShekels: 49 }]) {
      await settleReferralAfterPurchase(admin().db, friend.uid, { ...base, ...bad }, demoConfig)
    }
    await expectNothingPaid(referrer.uid, friend)
    await settleReferralAfterPurchase(admin().db, friend.uid, base, demoConfig)
    await settleReferralAfterPurchase(admin().db, friend.uid, base, demoConfig)
    expect((await referralOf(friend.uid)).status).toBe('qualified')
    expect((await ledgerDocs(referrer.uid)).filter((e) => e.reason === 'referral_reward')).toHaveLength(1)
    expect((await ledgerDocs(friend.uid)).filter((e) => e.reason === 'referral_welcome')).toHaveLength(1)
  })
})

describe('a burst of friends', () => {
  it('holds the 4th friend qualifying within the hour, pays nothing for it, and an operator decides', async () => {
    const referrer = await joinedMember('Farm Burst')
    const code = await codeOf(referrer.uid)
    const friends: Friend[] = []
    for (let i = 0; i < 4; i++) friends.push(await joinAs(mail(`burst${i}`), code, { name: `Burst${i} X` }))
    const till = tillId()
    for (const friend of friends) await scannedPurchase(staff, friend, 60, till)

    expect(await Promise.all(friends.map(async (f) => (await referralOf(f.uid)).status))).toEqual(['qualified', 'qualified', 'qualified', 'held'])
    const fourth = friends[3]!
    expect((await memberDoc(referrer.uid)).balance).toBe(50 + 50 + 75 + 75)
    expect(await reasons(fourth.uid)).toEqual(['purchase', 'welcome_gift'])
    expect((await memberDoc(referrer.uid)).referralStats.qualified).toBe(3)

    // Nobody but an operator decides, and only with a valid request.
    const review = (client: Client, input: unknown) => client.call<unknown, ReviewReferralResult>('reviewReferral', input)
    expect(await failure(review(referrer, { friendUid: fourth.uid, approve: true, note: 'my friend' }))).toMatchObject({ code: 'permission-denied' })
    expect(await failure(review(staff, { friendUid: fourth.uid, approve: true, note: 'looks fine' }))).toMatchObject({ code: 'permission-denied' })
    expect(await failure(review(operator, { friendUid: fourth.uid, approve: 'yes', note: 'looks fine' }))).toMatchObject({ code: 'invalid-argument' })
    expect(await failure(review(operator, { friendUid: '../members/x', approve: true, note: 'looks fine' }))).toMatchObject({ code: 'invalid-argument' })
    expect(await failure(review(operator, { friendUid: fourth.uid, approve: true, note: '' }))).toMatchObject({ code: 'invalid-argument' })
    expect(await failure(review(operator, { friendUid: 'nobody-at-all', approve: true, note: 'looks fine' }))).toEqual({ code: 'not-found', reason: 'unknown-referral' })
    expect(await failure(review(operator, { friendUid: friends[0]!.uid, approve: true, note: 'looks fine' }))).toEqual({
      code: 'failed-precondition',
      reason: 'referral-not-held',
    })
    expect((await memberDoc(referrer.uid)).balance).toBe(250)
    expect((await referralOf(fourth.uid)).status).toBe('held')

    const input: ReviewReferralInput = { friendUid: fourth.uid, approve: true, note: 'Checked the receipts: a real family' }
    expect(await review(operator, input)).toEqual({ status: 'qualified', replayed: false })
    expect(await review(operator, input)).toEqual({ status: 'qualified', replayed: true })
    expect(await failure(review(operator, { ...input, approve: false }))).toEqual({ code: 'failed-precondition', reason: 'referral-not-held' })
    expect((await memberDoc(referrer.uid)).balance).toBe(250 + 75)
    expect((await ledgerDocs(fourth.uid)).filter((e) => e.reason === 'referral_welcome').map((e) => e.points)).toEqual([100])
    expect(await referralOf(fourth.uid)).toMatchObject({ status: 'qualified', review: { approve: true } })
    expect(await checkInvariants(admin().db, demoConfig, [referrer.uid, ...friends.map((f) => f.uid)])).toEqual([])
  })

  it('a refused review pays neither side, and stays refused', async () => {
    await admin().db.doc(paths.clubConfig()).update({ 'referrals.velocityHold.maxFriends': 1 })
    const referrer = await joinedMember('Farm Refused')
    const code = await codeOf(referrer.uid)
    const [first, second] = [await joinAs(mail('r1'), code), await joinAs(mail('r2'), code)]
    const till = tillId()
    await scannedPurchase(staff, first, 60, till)
    await scannedPurchase(staff, second, 60, till)
    expect((await referralOf(second.uid)).status).toBe('held')
    const input: ReviewReferralInput = { friendUid: second.uid, approve: false, note: 'Same household, same minute' }
    expect(await operator.call('reviewReferral', input)).toEqual({ status: 'refused', replayed: false })
    expect(await operator.call('reviewReferral', input)).toEqual({ status: 'refused', replayed: true })
    expect(await failure(operator.call('reviewReferral', { ...input, approve: true }))).toEqual({ code: 'failed-precondition', reason: 'referral-not-held' })
    expect(await referralOf(second.uid)).toMatchObject({ status: 'refused', refusal: 'review-refused' })
    expect((await memberDoc(referrer.uid)).balance).toBe(100)
    expect(await reasons(second.uid)).toEqual(['purchase', 'welcome_gift'])
  })
})

describe('buy, get paid, refund', () => {
  /** A friend who qualified with a scanned ₪60 purchase; both sides then spent their points. */
  async function paidAndSpent() {
    const { referrer, friend } = await pair()
    const sale = await scannedPurchase(staff, friend, 60, tillId())
    expect((await referralOf(friend.uid)).status).toBe('qualified')
    await referrer.call('redeemReward', { rewardId: 'free-coffee', requestId: requestId() })
    await friend.call('redeemReward', { rewardId: 'voucher-20', requestId: requestId() })
    expect((await memberDoc(referrer.uid)).balance).toBe(50 + 50 - 60)
    expect((await memberDoc(friend.uid)).balance).toBe(50 + 60 + 100 - 200)
    return { referrer, friend, refund: { partnerId: PARTNER, receiptId: sale.receiptId, entryId: LEDGER_IDS.purchase(PARTNER, sale.receiptId) } }
  }

  it('a refund within the window takes both rewards back, as debt where they were spent', async () => {
    const { referrer, friend, refund } = await paidAndSpent()
    await staff.call('reversePurchase', { receiptId: refund.receiptId, reason: 'returned', tillId: TEST_TILL })
    expect((await referralOf(friend.uid)).status).toBe('clawed-back')
    // What reversePurchase ran after the refund, run again as a retry would: nothing more moves.
    await clawBackReferralAfterRefund(admin().db, friend.uid, refund, demoConfig)
    const referrerDoc = await memberDoc(referrer.uid)
    expect(referrerDoc).toMatchObject({ balance: 0, pointsDebt: 10 })
    expect(referrerDoc.referralStats).toMatchObject({ qualified: 0, pointsEarned: 0 })
    const back = (await ledgerDocs(referrer.uid)).filter((e) => e.reason === 'referral_clawback')
    expect(back).toEqual([expect.objectContaining({ id: LEDGER_IDS.referralRewardClawback(friend.uid), points: -40, shortfall: 10 })])
    expect(await ledgerSum(referrer.uid)).toBe(0)

    // The friend: 10 left after the voucher; the refund (60) and the gift (100) leave 150 owed.
    const friendDoc = await memberDoc(friend.uid)
    expect(friendDoc).toMatchObject({ balance: 0, pointsDebt: 150 })
    const gift = (await ledgerDocs(friend.uid)).filter((e) => e.reason === 'referral_clawback')
    expect(gift).toEqual([expect.objectContaining({ id: LEDGER_IDS.referralWelcomeClawback, points: 0, shortfall: 100 })])
    expect(await ledgerSum(friend.uid)).toBe(0)
    expect(await checkInvariants(admin().db, demoConfig, [referrer.uid, friend.uid])).toEqual([])
  })

  it('a refund after the window leaves the rewards; another receipt’s refund never touches them', async () => {
    const { referrer, friend, refund } = await paidAndSpent()
    await clawBackReferralAfterRefund(admin().db, friend.uid, { ...refund, entryId: LEDGER_IDS.purchase(PARTNER, 'other') }, demoConfig)
    const settlement = admin().db.doc(paths.referralSettlement(friend.uid))
    const qualifiedAt = (await settlement.get()).get('qualifiedAt').toDate() as Date
    await settlement.update({ qualifiedAt: new Date(qualifiedAt.getTime() - 31 * 86_400_000) })
    await staff.call('reversePurchase', { receiptId: refund.receiptId, reason: 'returned', tillId: TEST_TILL })
    expect((await referralOf(friend.uid)).status).toBe('qualified')
    expect(await reasons(referrer.uid)).not.toContain('referral_clawback')
    expect(await reasons(friend.uid)).not.toContain('referral_clawback')
  })
})

describe('the lent tier', () => {
  /** A referrer whose next qualified friend is their 5th: the step that lends Gold for a month. */
  async function fifthFriend(tierBoost: { tierId: string; until: string } | null) {
    const referrer = await joinedMember('Farm Boost')
    await admin().db.doc(paths.member(referrer.uid)).update({ 'referralStats.qualified': 4, ...(tierBoost ? { tierBoost } : {}) })
    const friend = await joinAs(mail('fifth'), await codeOf(referrer.uid))
    const sale = await scannedPurchase(staff, friend, 60, tillId())
    expect((await ledgerDocs(referrer.uid)).filter((e) => e.reason === 'referral_reward').map((e) => e.points)).toEqual([200])
    return { referrer, friend, refund: { partnerId: PARTNER, receiptId: sale.receiptId, entryId: LEDGER_IDS.purchase(PARTNER, sale.receiptId) } }
  }
  const today = () => localDate(new Date(), demoConfig.timeZone)

  it('is not pushed further by a reward while one is running, and the refund leaves the running one alone', async () => {
    const running = { tierId: 'gold', until: addDays(today(), 5) }
    const { referrer, friend, refund } = await fifthFriend(running)
    expect((await memberDoc(referrer.uid)).tierBoost).toEqual(running)
    expect((await referralOf(friend.uid)).lentTier).toBeNull()
    await staff.call('reversePurchase', { receiptId: refund.receiptId, reason: 'returned', tillId: TEST_TILL })
    expect((await memberDoc(referrer.uid)).tierBoost).toEqual(running)
  })

  it('ends when the reward that lent it is clawed back', async () => {
    const { referrer, friend, refund } = await fifthFriend(null)
    const lent = (await memberDoc(referrer.uid)).tierBoost
    expect(lent.tierId).toBe('gold')
    expect((await referralOf(friend.uid)).lentTier).toEqual(lent)
    await staff.call('reversePurchase', { receiptId: refund.receiptId, reason: 'returned', tillId: TEST_TILL })
    const after = await memberDoc(referrer.uid)
    expect(after.tierBoost).toBeUndefined()
    expect(after).toMatchObject({ balance: 50, tierId: 'silver' })
    expect(await checkInvariants(admin().db, demoConfig, [referrer.uid, friend.uid])).toEqual([])
  })
})

describe('the landing page’s "opened" counter', () => {
  const open = (code: string, headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${EMULATOR_PORTS.functions}/${DEMO_PROJECT_ID}/${FUNCTIONS_REGION}/referralLanding/r/${code}`, { headers, redirect: 'manual' })

  it('counts one visitor once a day however often they reload, and a second visitor once more', async () => {
    const referrer = await joinedMember('Farm Opened')
    const code = await codeOf(referrer.uid)
    const visitor = { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/131', 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }
    // A person is sent on to the club's landing page each time, and counted once.
    for (let i = 0; i < 20; i++) expect((await open(code, visitor)).status).toBe(302)
    expect((await memberDoc(referrer.uid)).referralStats.opened).toBe(1)
    await open(code, { ...visitor, 'x-forwarded-for': '198.51.100.4' })
    await open(code, { ...visitor, 'user-agent': 'WhatsApp/2.23' })
    expect((await memberDoc(referrer.uid)).referralStats.opened).toBe(2)
    // The marker keeps no address.
    const markers = await admin().db.collection('referralOpens').get()
    expect(markers.docs.every((doc) => /^[0-9a-f]{64}$/.test(doc.id) && !JSON.stringify(doc.data()).includes('203.0.113.7'))).toBe(true)
  })
})
