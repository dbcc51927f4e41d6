import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import type { LotSlice } from '../../../src/domain/points/lots'
import { debit } from '../../../src/domain/points/points'
import { reviewShard } from '../../../src/domain/earn/reviews'
import type { ModerateReviewInput, ModerateReviewResult } from '../../../src/domain/earn/review-schema'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { planCredit } from '../ledger/award'
import { runLedgerOperation, type LedgerContext } from '../ledger/transaction'
import { recordAudit } from '../admin/audit'

type Decision = Pick<ModerateReviewInput, 'reviewId' | 'decision' | 'note'>

/**
 * An operator decides a review. Approving a held review publishes it and pays it (the review's
 * own ledger id, so it pays once however often it is approved). Removing a review hides it and,
 * when it was paid, takes the points back like a refund: from the review's own lot first, the
 * balance never below zero, what was already spent becoming a debt. Deciding again the same way
 * answers again; approving a removed review is refused.
 */
export async function moderateReview(
  db: Firestore,
  params: Decision & { by: string; config: ClubConfig },
): Promise<ModerateReviewResult & { uid: string }> {
  const { reviewId } = params
  const reviewRef = db.doc(paths.review(reviewId))
  const authorRef = db.doc(paths.reviewAuthor(reviewId))
  const first = await authorRef.get()
  if (!first.exists) throw new HttpsError('not-found', 'No such review.', { reason: 'unknown-review' })
  const uid = String(first.get('uid'))
  const myRef = db.doc(paths.myReview(uid, reviewId))
  const moderation = (now: Date) => ({
    moderation: { decision: params.decision, note: params.note, by: params.by, at: Timestamp.fromDate(now) },
  })
  const shardMove = (tx: Transaction, review: DocumentSnapshot, sign: 1 | -1) =>
    tx.set(db.doc(paths.reviewShard(String(review.get('partnerId')), reviewShard(reviewId))), {
      count: FieldValue.increment(sign),
      starsSum: FieldValue.increment(sign * Number(review.get('stars'))),
    }, { merge: true })
  const audit = (tx: Transaction, review: DocumentSnapshot, points: number) =>
    recordAudit(tx, db, {
      actor: { uid: params.by, role: 'admin', partnerId: null, tillId: null },
      action: 'moderateReview',
      memberUid: uid,
      partnerId: String(review.get('partnerId')),
      target: reviewId,
      details: { decision: params.decision, note: params.note, points },
    })
  const read = async (ctx: LedgerContext) => {
    const review = await ctx.tx.get(reviewRef)
    if (!review.exists) throw new HttpsError('not-found', 'No such review.', { reason: 'unknown-review' })
    return review
  }

  if (params.decision === 'approve') {
    const key = LEDGER_IDS.review(reviewId)
    const result = await runLedgerOperation<ModerateReviewResult>(db, {
      uid,
      key,
      config: params.config,
      plan: async (ctx) => {
        const review = await read(ctx)
        const status = review.get('status')
        if (status === 'removed') {
          throw new HttpsError('failed-precondition', 'This review was removed.', { reason: 'review-already-moderated' })
        }
        const answer = (points: number, replayed: boolean): ModerateReviewResult =>
          ({ reviewId, status: 'published', points, shortfall: 0, replayed })
        if (status === 'published') return { state: ctx.state, entries: [], result: answer(0, true) }
        const points = params.config.reviews.points
        const partnerId = String(review.get('partnerId'))
        const planned = points > 0
          ? planCredit(ctx, { key, points, source: 'review', reason: 'review', ref: reviewId, partnerId, by: params.by })
          : { state: ctx.state, entries: [] }
        const at = Timestamp.fromDate(ctx.now)
        return {
          ...planned,
          writes: (tx) => {
            tx.update(reviewRef, { status: 'published', publishedAt: at })
            tx.update(myRef, { status: 'published', publishedAt: at, points })
            tx.update(authorRef, { paidPoints: points, ...moderation(ctx.now) })
            shardMove(tx, review, 1)
            audit(tx, review, points)
          },
          result: answer(points, false),
        }
      },
      replay: async (_entry, ctx) => {
        // Paid once, then removed: the payment's entry still exists, the review is not published.
        if ((await read(ctx)).get('status') === 'removed') {
          throw new HttpsError('failed-precondition', 'This review was removed.', { reason: 'review-already-moderated' })
        }
        return { reviewId, status: 'published', points: 0, shortfall: 0, replayed: true }
      },
    })
    return { ...result, uid }
  }

  const key = LEDGER_IDS.reviewClawback(reviewId)
  const result = await runLedgerOperation<ModerateReviewResult>(db, {
    uid,
    key,
    config: params.config,
    plan: async (ctx) => {
      const review = await read(ctx)
      const paid = await ctx.tx.get(db.doc(paths.ledgerEntry(uid, LEDGER_IDS.review(reviewId))))
      const status = review.get('status')
      if (status === 'removed') {
        return { state: ctx.state, entries: [], result: { reviewId, status: 'removed', points: 0, shortfall: 0, replayed: true } }
      }
      const points = paid.exists ? Number(paid.get('points')) : 0
      const lots = (paid.exists ? paid.get('lots') ?? [] : []) as LotSlice[]
      const taken = debit(ctx.state, points, { allowShortfall: true, prefer: lots[0]?.expiresOn })
      const at = Timestamp.fromDate(ctx.now)
      const entries = points > 0
        ? [{
            id: key,
            type: 'reversal' as const,
            points: -(points - taken.shortfall),
            source: 'review' as const,
            reason: 'review_clawback' as const,
            ref: reviewId,
            partnerId: String(review.get('partnerId')),
            by: params.by,
            lots: taken.taken,
            note: params.note,
            details: { reverses: LEDGER_IDS.review(reviewId), shortfall: taken.shortfall },
          }]
        : []
      return {
        state: taken.state,
        entries,
        writes: (tx) => {
          tx.update(reviewRef, { status: 'removed', removedAt: at })
          tx.update(myRef, { status: 'removed', removedAt: at })
          tx.update(authorRef, moderation(ctx.now))
          if (status === 'published') shardMove(tx, review, -1)
          audit(tx, review, -points)
        },
        result: { reviewId, status: 'removed', points: -points, shortfall: taken.shortfall, replayed: false },
      }
    },
    replay: (entry) => ({
      reviewId,
      status: 'removed',
      points: Number(entry.get('points')) - Number(entry.get('shortfall') ?? 0),
      shortfall: Number(entry.get('shortfall') ?? 0),
      replayed: true,
    }),
  })
  return { ...result, uid }
}
