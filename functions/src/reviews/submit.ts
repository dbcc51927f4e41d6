import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { nameAtTill } from '../../../src/domain/members/member'
import { judgeReview, reviewDocId, reviewKey, reviewPeriod, reviewShard } from '../../../src/domain/earn/reviews'
import type { SubmitReviewInput, SubmitReviewResult } from '../../../src/domain/earn/review-schema'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { planCredit } from '../ledger/award'
import { runLedgerOperation, type LedgerContext } from '../ledger/transaction'
import { loadPartner } from '../lib/lookups'
import { firestorePhotoStore, type PhotoStore } from '../photos/photo-store'
import { hasVerifiedVisit } from './visits'

/**
 * A member reviews a partner they visited. One review per member, partner and period: its id
 * follows from the three, so parallel duplicates meet on the same documents and the transaction
 * lets one through. A second review in the period is refused (`already-reviewed`) rather than
 * replacing the first: a published text others have read does not change under them, and a
 * refusal is simpler to explain than an unpaid edit. A retry with the first request id gets the
 * first answer. Published reviews pay in the same transaction; held ones pay on approval.
 */
export async function submitReview(
  db: Firestore,
  params: { uid: string; input: SubmitReviewInput; config: ClubConfig; at?: Date; photos?: PhotoStore },
): Promise<SubmitReviewResult> {
  const { uid, input, config } = params
  const photos = params.photos ?? firestorePhotoStore(db)
  const policy = config.reviews
  const judged = judgeReview(input.text, policy)
  if (!judged.ok) {
    throw new HttpsError('invalid-argument', `Invalid input — text: ${judged.reason}`, {
      reason: judged.reason,
      fields: [{ path: 'text', message: judged.reason }],
    })
  }
  const now = params.at ?? new Date()
  const partner = await loadPartner(db, input.partnerId)
  const period = reviewPeriod(localDate(now, config.timeZone), policy.periodDays)
  const reviewId = await reviewDocId(reviewKey(partner.id, uid, period))
  const authorRef = db.doc(paths.reviewAuthor(reviewId))
  // Judged before the transaction, thrown inside it: a retry of a review already written gets
  // its answer even once the visit has left the window.
  const visited = await hasVerifiedVisit(db, uid, partner.id, config, now)
  const ledgerKey = LEDGER_IDS.review(reviewId)

  const replay = (author: DocumentSnapshot, ctx: LedgerContext): SubmitReviewResult => {
    if (author.get('requestId') !== input.requestId) {
      throw new HttpsError('failed-precondition', 'You already reviewed this store in this period.', { reason: 'already-reviewed' })
    }
    return { ...(author.get('answer') as SubmitReviewResult), balance: ctx.state.balance, replayed: true }
  }

  return runLedgerOperation<SubmitReviewResult>(db, {
    uid,
    key: ledgerKey,
    config,
    at: params.at,
    plan: async (ctx) => {
      const author = await ctx.tx.get(authorRef)
      if (author.exists) return { state: ctx.state, entries: [], result: replay(author, ctx) }
      if (!visited) {
        throw new HttpsError('failed-precondition', `Reviews need a visit to this store in the last ${policy.visitWindowDays} days.`, {
          reason: 'no-verified-visit',
        })
      }
      // Someone else's photo, or one already used, refuses the review: the photo is checked in
      // this transaction, so it is attached once, to this review, or not at all.
      if (input.photoId) await photos.claim(ctx.tx, input.photoId, uid)
      const published = judged.status === 'published'
      const points = published ? policy.points : 0
      const planned = points > 0
        ? planCredit(ctx, { key: ledgerKey, points, source: 'review', reason: 'review', ref: reviewId, partnerId: partner.id, by: 'system' })
        : { state: ctx.state, entries: [] }
      const at = Timestamp.fromDate(ctx.now)
      const review = {
        partnerId: partner.id,
        stars: input.stars,
        text: judged.text,
        status: judged.status,
        authorName: nameAtTill(String(ctx.member.get('name') ?? '')),
        verifiedVisit: true,
        photoId: input.photoId ?? null,
        createdAt: at,
        publishedAt: published ? at : null,
      }
      const answer: SubmitReviewResult = {
        reviewId,
        status: judged.status,
        points,
        reviewPoints: policy.points,
        flags: judged.flags,
        balance: planned.state.balance,
        replayed: false,
      }
      return {
        ...planned,
        writes: (tx) => {
          tx.create(db.doc(paths.review(reviewId)), review)
          tx.create(db.doc(paths.myReview(uid, reviewId)), { ...review, points, period })
          tx.create(authorRef, { uid, requestId: input.requestId, period, flags: judged.flags, paidPoints: points, answer })
          if (input.photoId) photos.attach(tx, input.photoId, { kind: 'review', id: reviewId }, ctx.now)
          if (published) {
            tx.set(db.doc(paths.reviewShard(partner.id, reviewShard(reviewId))), {
              count: FieldValue.increment(1),
              starsSum: FieldValue.increment(input.stars),
            }, { merge: true })
          }
        },
        result: answer,
      }
    },
    replay: async (_entry, ctx) => replay(await ctx.tx.get(authorRef), ctx),
  })
}
