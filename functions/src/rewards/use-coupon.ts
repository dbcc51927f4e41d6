import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { UseCouponResult } from '../../../src/domain/contracts/callable-results'
import { paths } from '../../../src/domain/shared/paths'

export type { UseCouponResult }

/**
 * Staff accept a coupon at the till: once, before it expires, at the partner it belongs to (or
 * any partner for club-wide coupons). Only the very same acceptance sent again — the same partner
 * and the same request id — gets the first answer again; anything else about a used coupon is
 * "already used". Who accepted it and with which request id is kept in a server-only document,
 * since the coupon itself is readable by its owner.
 */
export async function useCoupon(
  db: Firestore,
  params: { code: string; staffUid: string; partnerId: string; requestId: string; tillId: string; now?: Date },
): Promise<UseCouponResult> {
  const ref = db.doc(paths.coupon(params.code))
  const useRef = db.doc(paths.couponUse(params.code))
  return db.runTransaction(async (tx) => {
    const [coupon, use] = await Promise.all([tx.get(ref), tx.get(useRef)])
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
      if (use.exists && use.get('requestId') === params.requestId && use.get('partnerId') === params.partnerId) return result(true)
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
    const at = Timestamp.fromDate(now)
    tx.update(ref, { status: 'used', usedAt: at, usedAtPartner: params.partnerId })
    tx.create(useRef, {
      code: coupon.id,
      requestId: params.requestId,
      partnerId: params.partnerId,
      staffUid: params.staffUid,
      tillId: params.tillId,
      usedAt: at,
    })
    return result(false)
  })
}
