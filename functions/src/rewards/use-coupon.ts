import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { UseCouponResult } from '../../../src/domain/callable-results'
import { paths } from '../../../src/domain/paths'

export type { UseCouponResult }

/**
 * Staff accept a coupon at the till: once, before it expires, at the partner it belongs to (or
 * any partner for club-wide coupons). A retry of the same request by the same till succeeds
 * again instead of saying "already used".
 */
export async function useCoupon(
  db: Firestore,
  params: { code: string; staffUid: string; partnerId: string; requestId?: string; now?: Date },
): Promise<UseCouponResult> {
  const ref = db.doc(paths.coupon(params.code))
  return db.runTransaction(async (tx) => {
    const coupon = await tx.get(ref)
    if (!coupon.exists) throw new HttpsError('not-found', 'No coupon with this code.', { reason: 'unknown-coupon' })
    const now = params.now ?? new Date()
    const result = (replayed: boolean): UseCouponResult => ({
      code: coupon.id,
      rewardId: String(coupon.get('rewardId')),
      name: coupon.get('name'),
      kind: coupon.get('kind'),
      valueShekels: coupon.get('valueShekels') ?? null,
      memberNo: String(coupon.get('memberNo')),
      replayed,
    })
    if (coupon.get('status') === 'used') {
      if (params.requestId && coupon.get('usedRequestId') === params.requestId) return result(true)
      throw new HttpsError('failed-precondition', 'This coupon was already used.', { reason: 'coupon-used' })
    }
    if (coupon.get('expiresAt').toDate() < now) {
      throw new HttpsError('failed-precondition', 'This coupon has expired.', { reason: 'coupon-expired' })
    }
    const partnerId = coupon.get('partnerId')
    if (partnerId && partnerId !== params.partnerId) {
      throw new HttpsError('failed-precondition', 'This coupon belongs to another partner store.', {
        reason: 'coupon-wrong-partner',
        partnerId,
      })
    }
    tx.update(ref, {
      status: 'used',
      usedAt: Timestamp.fromDate(now),
      usedBy: params.staffUid,
      usedAtPartner: params.partnerId,
      usedRequestId: params.requestId ?? null,
    })
    return result(false)
  })
}
