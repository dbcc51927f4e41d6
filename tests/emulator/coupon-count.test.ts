import { FieldValue, Timestamp } from 'firebase-admin/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MaintenanceStats } from '../../src/domain/contracts/callable-results'
import type { AdjustPointsInput, RedeemRewardInput, UseCouponInput } from '../../src/domain/contracts/callable-schemas'
import { paths } from '../../src/domain/shared/paths'
import type { RedeemResult } from '../../functions/src/rewards/redeem'
import { demoConfig } from '../../scripts/demo-club'
import { checkInvariants } from '../../scripts/invariants'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, memberDoc, requestId, TEST_TILL, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'

// The card shows the member document's `activeCoupons` instead of reading the coupons: it must
// equal the member's coupons in status active after every change of a coupon.

let cafe: Client // staff at Café Shachar, where the latte is
let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[cafe, operator] = await Promise.all([roleClient({ role: 'staff', partnerId: 'cafe-shachar' }), roleClient({ role: 'admin' })])
})

afterAll(async () => {
  await closeAdmin()
})

const redeem = (member: Client, rewardId = 'free-coffee', id = requestId()) =>
  member.call<RedeemRewardInput, RedeemResult>('redeemReward', { rewardId, requestId: id })
const use = (code: string, id = requestId()) => cafe.call<UseCouponInput, { replayed: boolean }>('useCoupon', { code, requestId: id, tillId: TEST_TILL })
const maintain = (asOf?: Date) => operator.call<{ asOf?: string }, MaintenanceStats>('runMaintenance', asOf ? { asOf: asOf.toISOString() } : {})

async function memberWithPoints(points: number) {
  const member = await joinedMember()
  await operator.call<AdjustPointsInput, { balance: number }>('adjustPoints', { memberNo: member.memberNo, points, note: 'coupon count test', requestId: requestId() })
  return member
}

async function activeCouponsOf(uid: string): Promise<number> {
  return (await admin().db.collection('coupons').where('uid', '==', uid).where('status', '==', 'active').get()).size
}

/** The stored count, the coupons it stands for, and the ledger's invariants (which check the count too). */
async function expectCount(uid: string, expected: number) {
  expect((await memberDoc(uid)).activeCoupons).toBe(expected)
  expect(await activeCouponsOf(uid)).toBe(expected)
  expect(await checkInvariants(admin().db, demoConfig, [uid])).toEqual([])
}

describe('activeCoupons on the member document', () => {
  it('starts at 0 and follows redemptions and the till', async () => {
    const member = await memberWithPoints(300)
    await expectCount(member.uid, 0)
    const first = await redeem(member)
    await expectCount(member.uid, 1)
    await redeem(member)
    await expectCount(member.uid, 2)

    const till = requestId()
    await use(first.code, till)
    await expectCount(member.uid, 1)
    // The same acceptance sent again, and another one, change nothing.
    expect((await use(first.code, till)).replayed).toBe(true)
    expect(await failure(use(first.code))).toEqual({ code: 'failed-precondition', reason: 'coupon-used' })
    await expectCount(member.uid, 1)
  })

  it('counts one coupon for 20 parallel redemptions of the same intent', async () => {
    const member = await memberWithPoints(300)
    const id = requestId()
    const results = await Promise.all(Array.from({ length: 20 }, () => redeem(member, 'free-coffee', id)))
    expect(new Set(results.map((r) => r.code)).size).toBe(1)
    await expectCount(member.uid, 1)
  })

  it('counts every coupon of parallel redemptions of different intents', async () => {
    const member = await memberWithPoints(600)
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => redeem(member)))
    const issued = results.filter((r) => r.status === 'fulfilled').length
    // 650 points at 60 a latte: all eight fit, and each serialises on the member document.
    expect(issued).toBe(8)
    await expectCount(member.uid, 8)
  })

  it('refusals leave it unchanged', async () => {
    const member = await joinedMember()
    expect(await failure(redeem(member))).toEqual({ code: 'failed-precondition', reason: 'insufficient-points' })
    await expectCount(member.uid, 0)
  })

  it('drops a coupon the nightly job expires, once, and the till refuses it after', async () => {
    const member = await memberWithPoints(300)
    const { code } = await redeem(member)
    const kept = await redeem(member)
    await admin().db.doc(paths.coupon(code)).update({ expiresAt: Timestamp.fromMillis(Date.now() - 1000) })
    await expectCount(member.uid, 2)

    expect((await maintain()).expiredCoupons).toBeGreaterThanOrEqual(1)
    expect((await admin().db.doc(paths.coupon(code)).get()).get('status')).toBe('expired')
    await expectCount(member.uid, 1)
    await maintain()
    await expectCount(member.uid, 1)

    expect(await failure(use(code))).toEqual({ code: 'failed-precondition', reason: 'coupon-expired' })
    await expectCount(member.uid, 1)
    await use(kept.code)
    await expectCount(member.uid, 0)
  })

  it('stays right when a run "as of" a later day expires a coupon whose real expiry is still ahead', async () => {
    const member = await memberWithPoints(100)
    const { code } = await redeem(member)
    await maintain(new Date(Date.now() + (demoConfig.couponValidityDays + 1) * 86_400_000))
    expect((await admin().db.doc(paths.coupon(code)).get()).get('status')).toBe('expired')
    await expectCount(member.uid, 0)
    // Marked expired is expired: the till may not take it, so the count cannot go below the coupons.
    expect(await failure(use(code))).toEqual({ code: 'failed-precondition', reason: 'coupon-expired' })
    await expectCount(member.uid, 0)
  })

  it('is counted afresh for a member from before the count, at their next coupon change', async () => {
    const member = await memberWithPoints(300)
    const [a] = await Promise.all([redeem(member), redeem(member)])
    await admin().db.doc(paths.member(member.uid)).update({ activeCoupons: FieldValue.delete() })
    expect((await memberDoc(member.uid)).activeCoupons).toBeUndefined()

    await redeem(member)
    await expectCount(member.uid, 3)

    await admin().db.doc(paths.member(member.uid)).update({ activeCoupons: FieldValue.delete() })
    await use(a.code)
    await expectCount(member.uid, 2)
  })
})
