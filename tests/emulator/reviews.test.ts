import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ModerateReviewInput, ModerateReviewResult, SubmitReviewResult } from '../../src/domain/earn/review-schema'
import { ClubConfigSchema } from '../../src/domain/shared/club-config'
import { paths } from '../../src/domain/shared/paths'
import { checkInvariants } from '../../scripts/invariants'
import { demoConfig } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'
import { GOOD_TEXT, rating, review, reviewsOf, visitedMember } from './support/reviews'
import { SCREEN_PARTNER } from './support/visits'

let operator: Client
const config = ClubConfigSchema.parse(demoConfig)

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

const moderate = (input: ModerateReviewInput) => operator.call<ModerateReviewInput, ModerateReviewResult>('moderateReview', input)
const reviewEntries = async (uid: string) => (await ledgerDocs(uid)).filter((e) => e.source === 'review')
const HELD_TEXT = 'השירות היה מטומטם לגמרי, לא אחזור לשם'

describe('submitReview', () => {
  it('refuses a member without a verified visit at the store, and writes nothing', async () => {
    const member = await joinedMember()
    expect(await failure(review(member))).toEqual({ code: 'failed-precondition', reason: 'no-verified-visit' })
    expect((await memberDoc(member.uid)).balance).toBe(50)
    expect(await reviewEntries(member.uid)).toHaveLength(0)
    expect((await admin().db.collection(paths.myReviews(member.uid)).get()).size).toBe(0)
  })

  it('publishes and pays a review after a visit, shows the author as first name and initial, never the uid', async () => {
    const before = await rating(SCREEN_PARTNER)
    const member = await visitedMember('Noa Barak Levi')
    const balance = Number((await memberDoc(member.uid)).balance)
    const result = await review(member, { stars: 4 })
    expect(result).toMatchObject({ status: 'published', points: 20, reviewPoints: 20, flags: [], replayed: false, balance: balance + 20 })
    const doc = (await admin().db.doc(paths.review(result.reviewId)).get()).data()!
    expect(doc).toMatchObject({ partnerId: SCREEN_PARTNER, stars: 4, text: GOOD_TEXT, status: 'published', authorName: 'Noa L.', verifiedVisit: true })
    expect(JSON.stringify(doc)).not.toContain(member.uid)
    expect(result.reviewId).not.toContain(member.uid)
    expect(await rating(SCREEN_PARTNER)).toEqual({ count: before.count + 1, starsSum: before.starsSum + 4 })
    const [entry] = await reviewEntries(member.uid)
    expect(entry).toMatchObject({ reason: 'review', points: 20, partnerId: SCREEN_PARTNER, ref: result.reviewId })
    expect((await admin().db.doc(paths.badge(member.uid, 'first-review')).get()).exists).toBe(true)
  })

  it('pays once under 20 parallel duplicates; a retry with the same request id gets the first answer', async () => {
    const member = await visitedMember()
    const id = requestId()
    const results = await Promise.all(Array.from({ length: 20 }, () => review(member, { requestId: id })))
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect(new Set(results.map((r) => r.reviewId)).size).toBe(1)
    expect(results.every((r) => r.status === 'published' && r.points === 20)).toBe(true)
    expect(await reviewEntries(member.uid)).toHaveLength(1)
    expect(await checkInvariants(admin().db, config, [member.uid])).toEqual([])
  }, 120_000)

  it('pays one review per store per period: 20 different reviews at once publish one, the others are refused', async () => {
    const member = await visitedMember()
    const settled = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => review(member, { text: `${GOOD_TEXT} Visit number ${i}.` })))
    const ok = settled.filter((s): s is PromiseFulfilledResult<SubmitReviewResult> => s.status === 'fulfilled')
    expect(ok).toHaveLength(1)
    for (const s of settled.filter((s) => s.status === 'rejected')) {
      const e = (s as PromiseRejectedResult).reason as { code: string; details?: { reason?: string } }
      expect({ code: e.code, reason: e.details?.reason }).toEqual({ code: 'functions/failed-precondition', reason: 'already-reviewed' })
    }
    expect(await failure(review(member))).toEqual({ code: 'failed-precondition', reason: 'already-reviewed' })
    expect(await reviewEntries(member.uid)).toHaveLength(1)
    // The welcome gift, the café visit and one review.
    expect((await memberDoc(member.uid)).balance).toBe(50 + 5 + 20)
  }, 120_000)
})

describe('moderateReview', () => {
  it('holds a review with a denied word unpaid, then approval pays it once (even approved twice at once)', async () => {
    const member = await visitedMember()
    const before = await rating(SCREEN_PARTNER)
    const held = await review(member, { text: HELD_TEXT, stars: 1 })
    expect(held).toMatchObject({ status: 'held', points: 0, reviewPoints: 20, flags: ['words'] })
    expect(await reviewEntries(member.uid)).toHaveLength(0)
    expect(await rating(SCREEN_PARTNER)).toEqual(before)
    expect((await admin().db.doc(paths.myReview(member.uid, held.reviewId)).get()).get('status')).toBe('held')

    const decisions = await Promise.all([1, 2, 3].map(() => moderate({ reviewId: held.reviewId, decision: 'approve', note: 'harsh but fair' })))
    expect(decisions.filter((d) => !d.replayed)).toEqual([{ reviewId: held.reviewId, status: 'published', points: 20, shortfall: 0, replayed: false }])
    expect(await reviewEntries(member.uid)).toHaveLength(1)
    expect(await rating(SCREEN_PARTNER)).toEqual({ count: before.count + 1, starsSum: before.starsSum + 1 })
    expect((await admin().db.doc(paths.myReview(member.uid, held.reviewId)).get()).get('status')).toBe('published')
    expect(await checkInvariants(admin().db, config, [member.uid])).toEqual([])
  })

  it('removing a paid review claws its points back once, the balance still the ledger’s sum', async () => {
    const member = await visitedMember()
    const before = await rating(SCREEN_PARTNER)
    const paid = await review(member, { stars: 2 })
    const removed = await Promise.all([1, 2].map(() => moderate({ reviewId: paid.reviewId, decision: 'remove', note: 'abuse' })))
    expect(removed.filter((r) => !r.replayed)).toEqual([{ reviewId: paid.reviewId, status: 'removed', points: -20, shortfall: 0, replayed: false }])
    const entries = await reviewEntries(member.uid)
    expect(entries.map((e) => [e.reason, e.points]).sort()).toEqual([['review', 20], ['review_clawback', -20]])
    expect((await memberDoc(member.uid)).balance).toBe(50 + 5)
    expect(await rating(SCREEN_PARTNER)).toEqual(before)
    expect((await admin().db.doc(paths.review(paid.reviewId)).get()).get('status')).toBe('removed')
    expect(await failure(moderate({ reviewId: paid.reviewId, decision: 'approve', note: 'changed my mind' }))).toEqual({
      code: 'failed-precondition',
      reason: 'review-already-moderated',
    })
    expect(await checkInvariants(admin().db, config, [member.uid])).toEqual([])
  })

  it('removing points already spent leaves a debt, never a negative balance', async () => {
    const member = await visitedMember()
    const paid = await review(member)
    // 75 points: a 60-point latte leaves 15, so 5 of the review's 20 were already spent.
    await member.call('redeemReward', { rewardId: 'free-coffee', requestId: requestId() })
    const result = await moderate({ reviewId: paid.reviewId, decision: 'remove', note: 'abuse' })
    expect(result).toMatchObject({ points: -20, shortfall: 5 })
    const after = await memberDoc(member.uid)
    expect(after.balance).toBe(0)
    expect(after.pointsDebt).toBe(5)
    expect(await checkInvariants(admin().db, config, [member.uid])).toEqual([])
  })

  it('removing a held review pays nothing and takes nothing', async () => {
    const member = await visitedMember()
    const held = await review(member, { text: HELD_TEXT })
    expect(await moderate({ reviewId: held.reviewId, decision: 'remove', note: 'abuse' })).toMatchObject({ status: 'removed', points: 0, replayed: false })
    expect(await reviewEntries(member.uid)).toHaveLength(0)
    expect(await moderate({ reviewId: held.reviewId, decision: 'remove', note: 'abuse' })).toMatchObject({ status: 'removed', replayed: true })
  })

  it('is for operators only; members and staff are refused, and unknown reviews are not found', async () => {
    const member = await visitedMember()
    const held = await review(member, { text: HELD_TEXT })
    const staff = await roleClient({ role: 'staff', partnerId: SCREEN_PARTNER })
    const input = { reviewId: held.reviewId, decision: 'approve', note: 'mine' }
    expect(await failure(member.call('moderateReview', input))).toEqual({ code: 'permission-denied', reason: undefined })
    expect(await failure(staff.call('moderateReview', input))).toEqual({ code: 'permission-denied', reason: undefined })
    expect(await failure(staff.call('submitReview', { partnerId: SCREEN_PARTNER, stars: 5, text: GOOD_TEXT, requestId: requestId() }))).toEqual({
      code: 'permission-denied',
      reason: undefined,
    })
    expect(await failure(moderate({ reviewId: 'f'.repeat(64), decision: 'approve', note: 'x' }))).toEqual({ code: 'not-found', reason: 'unknown-review' })
    expect(await reviewEntries(member.uid)).toHaveLength(0)
    expect((await reviewsOf(SCREEN_PARTNER)).find((r) => r.id === held.reviewId)).toMatchObject({ status: 'held' })
  })
})
