// Staff accounts granted, moved and revoked by an operator, effective on the account's next call
// (the server reads its record, not only the token's claims); and the audit log: every admin and
// staff action writes exactly one entry with who, what, which member and store, and which till.
import { getAuth } from 'firebase/auth'
import type { DocumentData } from 'firebase-admin/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GrantStaffInput, RevokeStaffInput } from '../../src/domain/admin/staff-schema'
import type { GrantStaffResult, RevokeStaffResult } from '../../src/domain/admin/staff'
import type { MemberAtTill, PurchaseResult, RedeemResult } from '../../src/domain/contracts/callable-results'
import type { RecordPurchaseInput } from '../../src/domain/contracts/callable-schemas'
import { addDays, localDate } from '../../src/domain/shared/calendar'
import { COLLECTIONS, paths } from '../../src/domain/shared/paths'
import { demoConfig } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, memberDoc, receiptId, requestId, scanned, TEST_TILL, type Client } from './support/club'
import { competitionIn, post } from './support/community'
import { confirmEco, ecoInput, ecoMember } from './support/eco'
import { codeOf, joinAs, scannedPurchase, tillId, unique } from './support/referrals'
import { review, visitedMember } from './support/reviews'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from './support/emulators'

let operator: Client
let operatorUid: string

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
  operatorUid = operator.uid!
})

afterAll(async () => {
  await closeAdmin()
})

const grant = (input: GrantStaffInput) => operator.call<GrantStaffInput, GrantStaffResult>('grantStaff', input)
const revoke = (uid: string) => operator.call<RevokeStaffInput, RevokeStaffResult>('revokeStaff', { uid })
const purchase = (staff: Client, input: RecordPurchaseInput) => staff.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', input)
const typed = (member: { memberNo: string }, amount: number, receipt = receiptId()): RecordPurchaseInput => ({
  memberNo: member.memberNo,
  typedReason: 'phone-battery',
  amount,
  receiptId: receipt,
  tillId: TEST_TILL,
})

/** An account that signed up for the till (not a member), signed in with a token that has no role yet. */
async function tillAccount() {
  const email = `till.${unique()}@example.test`
  await admin().auth.createUser({ email, password: 'secret-123' })
  const client = await newClient({ signIn: { email, password: 'secret-123' } })
  return { ...client, uid: client.uid!, email }
}

/** The same account on a device that signs in now: a fresh token, with the claims as they are. */
const signedInAgain = (account: { email: string }) => newClient({ signIn: { email: account.email, password: 'secret-123' } })

const claimsOf = async (client: Client) => (await getAuth(client.app).currentUser!.getIdTokenResult()).claims

async function audit(action: string, target: string | null = null): Promise<DocumentData[]> {
  let q = admin().db.collection(COLLECTIONS.audit).where('action', '==', action)
  if (target !== null) q = q.where('target', '==', target)
  return (await q.get()).docs.map((d) => d.data())
}

describe('granting and revoking staff takes effect on the next call', () => {
  it('grant: the account records a purchase on its next call, with a fresh token and with the old one; the till sees its claims', async () => {
    const account = await tillAccount()
    const member = await joinedMember('Granted Customer')
    expect(await failure(purchase(account, typed(member, 40)))).toEqual({ code: 'permission-denied', reason: undefined })

    const granted = await grant({ email: account.email.toUpperCase(), partnerId: 'super-hashchuna' })
    expect(granted).toEqual({ uid: account.uid, email: account.email, partnerId: 'super-hashchuna', memberUid: null, replayed: false })
    expect((await admin().auth.getUser(account.uid)).customClaims).toEqual({ role: 'staff', partnerId: 'super-hashchuna' })
    expect((await admin().db.doc(paths.staffAccount(account.uid)).get()).data()).toMatchObject({
      uid: account.uid,
      email: account.email,
      partnerId: 'super-hashchuna',
      active: true,
      grantedBy: operatorUid,
      revokedAt: null,
    })

    const fresh = await signedInAgain(account)
    expect(await claimsOf(fresh)).toMatchObject({ role: 'staff', partnerId: 'super-hashchuna' })
    expect(await purchase(fresh, typed(member, 40))).toMatchObject({ status: 'recorded', replayed: false })
    // The device signed in before the grant has no role in its token yet; the server's record decides.
    expect(await purchase(account, typed(member, 20))).toMatchObject({ status: 'recorded', replayed: false })
    expect((await memberDoc(member.uid)).balance).toBe(50 + 40 + 20)

    const entries = await audit('grantStaff', account.uid)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actor: { uid: operatorUid, role: 'admin', partnerId: null, tillId: null },
      partnerId: 'super-hashchuna',
      details: { email: account.email, movedFrom: null },
    })
    // Granting again changes nothing and logs nothing.
    expect(await grant({ email: account.email, partnerId: 'super-hashchuna' })).toMatchObject({ replayed: true })
    expect(await audit('grantStaff', account.uid)).toHaveLength(1)
  })

  it('revoke: the next call with the token the device already holds is permission-denied (staff-revoked), and nothing changes', async () => {
    const account = await tillAccount()
    await grant({ email: account.email, partnerId: 'super-hashchuna' })
    const staff = await signedInAgain(account)
    const member = await joinedMember('Revoked Customer')
    expect(await purchase(staff, typed(member, 30))).toMatchObject({ status: 'recorded' })

    expect(await revoke(account.uid)).toEqual({ uid: account.uid, replayed: false })
    const receipt = receiptId()
    expect(await failure(purchase(staff, typed(member, 30, receipt)))).toEqual({ code: 'permission-denied', reason: 'staff-revoked' })
    expect(await failure(staff.call<object, MemberAtTill>('lookupMember', { memberNo: member.memberNo, tillId: TEST_TILL }))).toEqual({
      code: 'permission-denied',
      reason: 'staff-revoked',
    })
    expect(await failure(staff.call('reversePurchase', { receiptId: receipt, tillId: TEST_TILL, reason: 'returned' }))).toEqual({
      code: 'permission-denied',
      reason: 'staff-revoked',
    })
    expect((await admin().db.doc(paths.receipt('super-hashchuna', receipt)).get()).exists).toBe(false)
    expect((await memberDoc(member.uid)).balance).toBe(80)

    const user = await admin().auth.getUser(account.uid)
    expect(user.customClaims ?? {}).toEqual({})
    expect(user.tokensValidAfterTime).toBeTruthy()
    expect((await admin().db.doc(paths.staffAccount(account.uid)).get()).data()).toMatchObject({ active: false, revokedBy: operatorUid })
    expect(await audit('revokeStaff', account.uid)).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ uid: operatorUid, role: 'admin' }), partnerId: 'super-hashchuna' }),
    ])
    // Revoking again changes nothing and logs nothing.
    expect(await revoke(account.uid)).toEqual({ uid: account.uid, replayed: true })
    expect(await audit('revokeStaff', account.uid)).toHaveLength(1)
  })

  it('a staff account moved to another store acts only for the new one, even with a token that names the old', async () => {
    const account = await tillAccount()
    await grant({ email: account.email, partnerId: 'super-hashchuna' })
    const staff = await signedInAgain(account)
    expect(await claimsOf(staff)).toMatchObject({ partnerId: 'super-hashchuna' })

    const moved = await grant({ email: account.email, partnerId: 'cafe-shachar' })
    expect(moved).toMatchObject({ partnerId: 'cafe-shachar', replayed: false })
    const member = await joinedMember('Moved Customer')
    const receipt = receiptId()
    expect(await purchase(staff, typed(member, 25, receipt))).toMatchObject({ status: 'recorded' })
    expect((await admin().db.doc(paths.receipt('cafe-shachar', receipt)).get()).exists).toBe(true)
    expect((await admin().db.doc(paths.receipt('super-hashchuna', receipt)).get()).exists).toBe(false)
    // The old store's tools are closed to it; the new store's are open.
    expect((await failure(staff.call('getCounterKey', { partnerId: 'super-hashchuna' }))).code).toBe('permission-denied')
    expect(await staff.call('getCounterKey', { partnerId: 'cafe-shachar' })).toMatchObject({ partnerId: 'cafe-shachar' })
    expect(await failure(staff.call('reversePurchase', { receiptId: receipt, partnerId: 'super-hashchuna', tillId: TEST_TILL, reason: 'returned' }))).toMatchObject({
      code: 'permission-denied',
    })
    expect((await admin().auth.getUser(account.uid)).customClaims).toEqual({ role: 'staff', partnerId: 'cafe-shachar' })
    const grants = await audit('grantStaff', account.uid)
    expect(grants.map((e) => [e.partnerId, e.details.movedFrom]).sort()).toEqual([
      ['cafe-shachar', 'super-hashchuna'],
      ['super-hashchuna', null],
    ])
  })

  it('links the staff person’s own member card, so they never earn on it', async () => {
    const own = await joinedMember('Cashier At Home')
    const account = await tillAccount()
    expect(await grant({ email: account.email, partnerId: 'super-hashchuna', memberNo: own.memberNo })).toMatchObject({ memberUid: own.uid })
    const staff = await signedInAgain(account)
    expect(await failure(purchase(staff, typed(own, 100)))).toEqual({ code: 'permission-denied', reason: 'staff-self-purchase' })
    expect((await memberDoc(own.uid)).balance).toBe(50)
  })

  it('refuses what is not a staff account, with reasons the console explains, and changes nothing', async () => {
    const account = await tillAccount()
    const member = await joinedMember('Member Not Staff')
    const memberEmail = (await admin().auth.getUser(member.uid)).email!
    const inactive = { ...(await admin().db.doc(paths.partner('cafe-shachar')).get()).data(), id: 'closed-shop', active: false }
    await admin().db.doc(paths.partner('closed-shop')).set(inactive)
    const before = (await admin().db.collection(COLLECTIONS.audit).where('action', '==', 'grantStaff').get()).size

    expect(await failure(grant({ email: `nobody.${unique()}@example.test`, partnerId: 'cafe-shachar' }))).toEqual({ code: 'not-found', reason: 'account-not-found' })
    expect(await failure(grant({ email: account.email, partnerId: 'no-such-shop' }))).toEqual({ code: 'not-found', reason: 'unknown-partner' })
    expect(await failure(grant({ email: account.email, partnerId: 'closed-shop' }))).toEqual({ code: 'failed-precondition', reason: 'partner-inactive' })
    expect(await failure(grant({ email: memberEmail, partnerId: 'cafe-shachar' }))).toEqual({ code: 'failed-precondition', reason: 'account-is-member' })
    expect(await failure(grant({ email: account.email, partnerId: 'cafe-shachar', memberNo: '00000000' }))).toMatchObject({ code: 'invalid-argument' })
    expect(await failure(grant({ email: 'not an address', partnerId: 'cafe-shachar' }))).toMatchObject({ code: 'invalid-argument' })
    expect(await failure(revoke(account.uid))).toEqual({ code: 'not-found', reason: 'staff-not-found' })

    expect((await admin().db.doc(paths.staffAccount(account.uid)).get()).exists).toBe(false)
    expect((await admin().db.doc(paths.staffAccount(member.uid)).get()).exists).toBe(false)
    expect((await admin().auth.getUser(account.uid)).customClaims ?? {}).toEqual({})
    expect((await admin().db.collection(COLLECTIONS.audit).where('action', '==', 'grantStaff').get()).size).toBe(before)
  })
})

describe('the audit log: one entry per action, with who, what and which till', () => {
  let staff: Client
  let staffUid: string

  beforeAll(async () => {
    const account = await tillAccount()
    await grant({ email: account.email, partnerId: 'super-hashchuna' })
    staff = await signedInAgain(account)
    staffUid = account.uid
  })

  const atTheTill = () => ({ uid: staffUid, role: 'staff', partnerId: 'super-hashchuna', tillId: TEST_TILL })
  const byOperator = () => ({ uid: operatorUid, role: 'admin', partnerId: null, tillId: null })

  it('recordPurchase, lookupMember and reversePurchase at the till; a replayed purchase adds nothing', async () => {
    const member = await joinedMember('Audited Customer')
    const receipt = receiptId()
    await purchase(staff, typed(member, 60, receipt))
    expect(await purchase(staff, typed(member, 60, receipt))).toMatchObject({ replayed: true })
    const recorded = await audit('recordPurchase', receipt)
    expect(recorded).toHaveLength(1)
    expect(recorded[0]).toMatchObject({
      actor: atTheTill(),
      memberUid: member.uid,
      partnerId: 'super-hashchuna',
      details: { amountShekels: 60, points: 60, status: 'recorded', typed: true, offline: false, typedReason: 'phone-battery' },
    })
    expect(recorded[0]!.at.toDate().getTime()).toBeGreaterThan(Date.now() - 60_000)

    await staff.call('lookupMember', { memberNo: member.memberNo, tillId: TEST_TILL })
    expect(await audit('lookupMember', member.memberNo)).toEqual([
      expect.objectContaining({ actor: atTheTill(), memberUid: member.uid, details: { typed: true, found: true } }),
    ])

    await staff.call('reversePurchase', { receiptId: receipt, tillId: TEST_TILL, reason: 'returned' })
    await staff.call('reversePurchase', { receiptId: receipt, tillId: TEST_TILL, reason: 'returned' })
    expect(await audit('reversePurchase', receipt)).toEqual([
      expect.objectContaining({ actor: atTheTill(), memberUid: member.uid, partnerId: 'super-hashchuna', details: expect.objectContaining({ reversedPoints: 60 }) }),
    ])
  })

  it('reviewPurchase and adjustPoints by an operator', async () => {
    const member = await joinedMember('Big Spender')
    const receipt = receiptId()
    expect(await purchase(staff, await scanned(member, 2500, receipt))).toMatchObject({ status: 'pending' })
    expect((await memberDoc(member.uid)).purchaseStats).toBeUndefined()
    const input = { partnerId: 'super-hashchuna', receiptId: receipt, approve: true, note: 'Checked the invoice' }
    await operator.call('reviewPurchase', input)
    await operator.call('reviewPurchase', input)
    // Once approved, the purchase counts for the member's segment, once, on the day it was bought.
    const today = localDate(new Date(), demoConfig.timeZone)
    expect((await memberDoc(member.uid)).purchaseStats).toEqual({ lastOn: today, months: { [today.slice(0, 7)]: { count: 1, spend: 2500 } } })
    expect(await audit('reviewPurchase', receipt)).toEqual([
      expect.objectContaining({ actor: byOperator(), memberUid: member.uid, partnerId: 'super-hashchuna', details: expect.objectContaining({ approve: true, note: 'Checked the invoice' }) }),
    ])

    const adjust = { memberNo: member.memberNo, points: 15, note: 'Missing points from Sunday', requestId: requestId() }
    await Promise.all([1, 2, 3].map(() => operator.call('adjustPoints', adjust)))
    const adjusted = (await audit('adjustPoints')).filter((e) => e.memberUid === member.uid)
    expect(adjusted).toEqual([expect.objectContaining({ actor: byOperator(), details: { points: 15, note: adjust.note, requestId: adjust.requestId } })])
  })

  it('useCoupon and confirmEcoAction at the till', async () => {
    const member = await ecoMember('Coupon Holder')
    await operator.call('adjustPoints', { memberNo: member.memberNo, points: 100, note: 'For the coupon test', requestId: requestId() })
    const coupon = await member.call<object, RedeemResult>('redeemReward', { rewardId: 'free-coffee', requestId: requestId() })
    const cafe = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    const use = { code: coupon.code, requestId: requestId(), tillId: TEST_TILL }
    await cafe.call('useCoupon', use)
    await cafe.call('useCoupon', use)
    expect(await audit('useCoupon', coupon.code)).toEqual([
      expect.objectContaining({
        actor: { uid: cafe.uid, role: 'staff', partnerId: 'cafe-shachar', tillId: TEST_TILL },
        memberUid: member.uid,
        partnerId: 'cafe-shachar',
      }),
    ])

    const eco = await ecoInput(member, 'eco-cup')
    await confirmEco(staff, eco)
    await confirmEco(staff, eco)
    const confirmed = (await audit('confirmEcoAction', 'eco-cup')).filter((e) => e.memberUid === member.uid)
    expect(confirmed).toEqual([expect.objectContaining({ actor: atTheTill(), partnerId: 'super-hashchuna', details: { points: 5, requestId: eco.requestId } })])
  })

  it('runMaintenance, reissuePosterCode and rotateCounterKey', async () => {
    const before = (await audit('runMaintenance')).length
    await operator.call('runMaintenance', {})
    expect(await audit('runMaintenance')).toHaveLength(before + 1)

    const reissue = { partnerId: 'carmel-books', requestId: requestId() }
    await operator.call('reissuePosterCode', reissue)
    await operator.call('reissuePosterCode', reissue)
    expect((await audit('reissuePosterCode', 'carmel-books')).filter((e) => e.details.requestId === reissue.requestId)).toEqual([
      expect.objectContaining({ actor: byOperator(), partnerId: 'carmel-books' }),
    ])

    const rotate = { partnerId: 'cafe-shachar', requestId: requestId() }
    await operator.call('rotateCounterKey', rotate)
    await operator.call('rotateCounterKey', rotate)
    expect((await audit('rotateCounterKey', 'cafe-shachar')).filter((e) => e.details.requestId === rotate.requestId)).toHaveLength(1)
  })

  it('announcements, moderation, featuring and closing a competition', async () => {
    const announcement = await operator.call<object, { postId: string }>('createPost', { requestId: requestId(), text: 'The club is open on Friday', announcement: { pinned: true } })
    expect(await audit('createPost', announcement.postId)).toEqual([
      expect.objectContaining({ actor: byOperator(), details: expect.objectContaining({ announcement: true, pinned: true }) }),
    ])

    const author = await joinedMember('Feed Author')
    const written = await post(author)
    await operator.call('featurePost', { postId: written.postId })
    await operator.call('featurePost', { postId: written.postId })
    expect(await audit('featurePost', written.postId)).toEqual([expect.objectContaining({ actor: byOperator(), memberUid: author.uid })])
    // A member's own post is not an operator's action.
    expect(await audit('createPost', written.postId)).toEqual([])

    await operator.call('moderateContent', { postId: written.postId, decision: 'delete', note: 'Off topic for the club' })
    expect(await audit('moderateContent', written.postId)).toEqual([
      expect.objectContaining({ actor: byOperator(), memberUid: author.uid, details: expect.objectContaining({ decision: 'delete', statusAfter: 'removed' }) }),
    ])

    const competitionId = `audit-${unique()}`
    await competitionIn(competitionId, 'judging')
    await Promise.all([1, 2].map(() => operator.call('closeCompetition', { competitionId })))
    expect(await audit('closeCompetition', competitionId)).toEqual([expect.objectContaining({ actor: byOperator() })])
  })

  it('moderateReview, revokeReserveDuty and reviewReferral', async () => {
    const writer = await visitedMember('Audited Reviewer')
    const written = await review(writer, { stars: 4 })
    await operator.call('moderateReview', { reviewId: written.reviewId, decision: 'remove', note: 'Not about the store' })
    await operator.call('moderateReview', { reviewId: written.reviewId, decision: 'remove', note: 'Not about the store' })
    expect(await audit('moderateReview', written.reviewId)).toEqual([
      expect.objectContaining({ actor: byOperator(), memberUid: writer.uid, partnerId: 'cafe-shachar', details: expect.objectContaining({ decision: 'remove' }) }),
    ])

    const reservist = await joinedMember('Audited Reservist')
    const today = localDate(new Date(), demoConfig.timeZone)
    const declared = await reservist.call<object, { id: string }>('declareReserveDuty', { requestId: requestId(), from: today, until: addDays(today, 3) })
    await operator.call('revokeReserveDuty', { uid: reservist.uid, declarationId: declared.id, note: 'Declared by mistake' })
    await operator.call('revokeReserveDuty', { uid: reservist.uid, declarationId: declared.id, note: 'Declared by mistake' })
    expect(await audit('revokeReserveDuty', declared.id)).toEqual([expect.objectContaining({ actor: byOperator(), memberUid: reservist.uid })])

    await admin().db.doc(paths.clubConfig()).update({ 'referrals.velocityHold.maxFriends': 1 })
    try {
      const referrer = await joinedMember('Audited Referrer')
      const code = await codeOf(referrer.uid)
      const friends = [await joinAs(`audit.f1.${unique()}@example.test`, code), await joinAs(`audit.f2.${unique()}@example.test`, code)]
      const till = tillId()
      for (const friend of friends) await scannedPurchase(staff, friend, 60, till)
      const held = friends[1]!
      const input = { friendUid: held.uid, approve: false, note: 'Same household, same minute' }
      await operator.call('reviewReferral', input)
      await operator.call('reviewReferral', input)
      expect(await audit('reviewReferral', held.uid)).toEqual([
        expect.objectContaining({ actor: byOperator(), memberUid: held.uid, details: expect.objectContaining({ approve: false, referrerUid: referrer.uid }) }),
      ])
    } finally {
      await admin().db.doc(paths.clubConfig()).update({ 'referrals.velocityHold.maxFriends': demoConfig.referrals.velocityHold.maxFriends })
    }
  })
})
