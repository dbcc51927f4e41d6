// The review door as a points farmer would try it: reviews without being there, a typed number
// for a visit, an old visit, text that hides or reverses, a megabyte, markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ClubConfigSchema, type ClubConfig } from '../../../src/domain/shared/club-config'
import { paths } from '../../../src/domain/shared/paths'
import { demoConfig } from '../../../scripts/demo-club'
import { seedClubData } from '../../../scripts/seed-club'
import { TEST_TILL, failure, joinedMember, ledgerDocs, memberDoc, receiptId, scanned, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from '../support/emulators'
import { GOOD_TEXT, purchaseDaysAgo, review, reviewsOf, visitedMember } from '../support/reviews'
import { SCREEN_PARTNER } from '../support/visits'

let config: ClubConfig
let cafeStaff: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  config = ClubConfigSchema.parse(demoConfig)
  cafeStaff = await roleClient({ role: 'staff', partnerId: SCREEN_PARTNER })
})

afterAll(async () => {
  await closeAdmin()
})

/** Nothing of the member's changed: the balance, the ledger, their reviews. */
async function snapshot(uid: string) {
  const [member, ledger, mine] = await Promise.all([
    memberDoc(uid),
    ledgerDocs(uid),
    admin().db.collection(paths.myReviews(uid)).get(),
  ])
  return { balance: member.balance, entries: ledger.length, reviews: mine.size }
}

describe('a review needs a verified visit', () => {
  it('a purchase by typed member number is not a visit; a scanned one is', async () => {
    const member = await joinedMember()
    await cafeStaff.call('recordPurchase', { memberNo: member.memberNo, typedReason: 'phone-battery', amount: 30, receiptId: receiptId(), tillId: TEST_TILL })
    const before = await snapshot(member.uid)
    expect(await failure(review(member))).toEqual({ code: 'failed-precondition', reason: 'no-verified-visit' })
    expect(await snapshot(member.uid)).toEqual(before)

    await cafeStaff.call('recordPurchase', await scanned(member, 30))
    expect(await review(member)).toMatchObject({ status: 'published', points: 20 })
  })

  it('a visit 31 days ago is too old; one 29 days ago counts', async () => {
    const member = await joinedMember()
    await purchaseDaysAgo(member.uid, 'carmel-books', 31, config)
    const before = await snapshot(member.uid)
    expect(await failure(review(member, { partnerId: 'carmel-books' }))).toEqual({ code: 'failed-precondition', reason: 'no-verified-visit' })
    expect(await snapshot(member.uid)).toEqual(before)

    await purchaseDaysAgo(member.uid, 'carmel-books', 29, config)
    expect(await review(member, { partnerId: 'carmel-books' })).toMatchObject({ status: 'published' })
  })

  it('a visit at another store does not open this one', async () => {
    const member = await visitedMember()
    const before = await snapshot(member.uid)
    expect(await failure(review(member, { partnerId: 'gan-toys' }))).toEqual({ code: 'failed-precondition', reason: 'no-verified-visit' })
    expect(await failure(review(member, { partnerId: 'no-such-store' }))).toEqual({ code: 'failed-precondition', reason: 'partner-inactive' })
    expect(await snapshot(member.uid)).toEqual(before)
  })
})

describe('what the text may carry', () => {
  it('U+202E and zero-width characters are stripped before it is stored and counted', async () => {
    const member = await visitedMember()
    const result = await review(member, { text: `Great\u202E coffee\u200B and kind\u2066 staff, every\uFEFF single time.` })
    const doc = (await admin().db.doc(paths.review(result.reviewId)).get()).data()!
    expect(doc.text).toBe(GOOD_TEXT)
  })

  it('padding a short text with invisible characters does not make it long enough', async () => {
    const member = await visitedMember()
    const before = await snapshot(member.uid)
    expect(await failure(review(member, { text: `Nice${'\u200B'.repeat(40)}` }))).toEqual({ code: 'invalid-argument', reason: 'review-too-short' })
    expect(await snapshot(member.uid)).toEqual(before)
  })

  it('a million characters are refused before any work, and nothing is written', async () => {
    const member = await visitedMember()
    const before = await snapshot(member.uid)
    expect(await failure(review(member, { text: 'a'.repeat(1_000_000) }))).toEqual({ code: 'invalid-argument', reason: undefined })
    expect(await failure(review(member, { text: 'א'.repeat(1001) }))).toEqual({ code: 'invalid-argument', reason: 'review-too-long' })
    expect(await snapshot(member.uid)).toEqual(before)
  })

  it('HTML is stored as the plain text it is (the app shows text, never markup)', async () => {
    const member = await visitedMember()
    const text = '<img src=x onerror="alert(1)"><b>Best</b> croissant in town, truly'
    const result = await review(member, { text })
    expect((await admin().db.doc(paths.review(result.reviewId)).get()).get('text')).toBe(text)
  })

  it('a link or a phone number holds the review unpaid, out of the published list', async () => {
    const member = await visitedMember()
    const held = await review(member, { text: 'Cheaper at www.rival-cafe.co.il or call 054-1234567' })
    expect(held).toMatchObject({ status: 'held', points: 0, flags: ['link', 'phone'] })
    expect((await ledgerDocs(member.uid)).filter((e) => e.source === 'review')).toHaveLength(0)
    expect((await reviewsOf(SCREEN_PARTNER)).find((r) => r.id === held.reviewId)).toMatchObject({ status: 'held' })
  })

  it('stars outside 1–5, fractions and extra fields are invalid-argument', async () => {
    const member = await visitedMember()
    const before = await snapshot(member.uid)
    for (const stars of [0, 6, 4.5, -1]) {
      expect(await failure(review(member, { stars }))).toEqual({ code: 'invalid-argument', reason: undefined })
    }
    expect(await failure(member.call('submitReview', { partnerId: SCREEN_PARTNER, stars: 5, text: GOOD_TEXT, requestId: 'req-abcdefgh', points: 1000 }))).toEqual({
      code: 'invalid-argument',
      reason: undefined,
    })
    expect(await snapshot(member.uid)).toEqual(before)
  })
})
