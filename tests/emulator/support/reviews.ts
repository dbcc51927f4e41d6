// Reviews as a member's phone sends them, and the visits that make them possible.
import type { SubmitReviewInput, SubmitReviewResult } from '../../../src/domain/earn/review-schema'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { paths } from '../../../src/domain/shared/paths'
import { recordPurchase } from '../../../functions/src/purchases/record'
import { demoPartners } from '../../../scripts/demo-club'
import { joinedMember, receiptId, requestId, type Client } from './club'
import { admin } from './emulators'
import { SCREEN_PARTNER, screenCode, visit } from './visits'

export const GOOD_TEXT = 'Great coffee and kind staff, every single time.'

export function review(member: Client, input: Partial<SubmitReviewInput> = {}): Promise<SubmitReviewResult> {
  return member.call<SubmitReviewInput, SubmitReviewResult>('submitReview', {
    partnerId: SCREEN_PARTNER,
    stars: 5,
    text: GOOD_TEXT,
    requestId: requestId(),
    ...input,
  })
}

/** A member who scanned in at the café's counter screen today. */
export async function visitedMember(name = 'Review Writer') {
  const member = await joinedMember(name)
  await visit(member, { code: await screenCode(SCREEN_PARTNER) })
  return member
}

/** A scanned purchase at a partner `daysAgo` days ago, through the till's own code (clock set back). */
export async function purchaseDaysAgo(uid: string, partnerId: string, daysAgo: number, config: ClubConfig) {
  const partner = demoPartners.find((p) => p.id === partnerId)!
  await recordPurchase(admin().db, {
    uid,
    partner,
    amount: 40,
    receiptId: receiptId(),
    staff: { uid: `staff-${partnerId}`, email: null, memberUid: null, tillId: 'test-till-0001' },
    config,
    at: new Date(Date.now() - daysAgo * 86_400_000),
  })
}

export async function reviewsOf(partnerId: string) {
  const snap = await admin().db.collection('reviews').where('partnerId', '==', partnerId).get()
  return snap.docs.map((doc) => ({ id: doc.id, ...doc.data() }))
}

export async function rating(partnerId: string) {
  const snap = await admin().db.collection(paths.reviewShards(partnerId)).get()
  return snap.docs.reduce((sum, doc) => ({ count: sum.count + Number(doc.get('count')), starsSum: sum.starsSum + Number(doc.get('starsSum')) }), { count: 0, starsSum: 0 })
}
