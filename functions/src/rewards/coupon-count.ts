import { Timestamp, type DocumentSnapshot, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'

/**
 * The member's `activeCoupons` once a change of `delta` (+1 issued, −1 used or expired) is
 * written. Read inside the transaction that changes the coupon, before any write: two changes at
 * once serialise on the member document, so the count never drifts. A member from before the
 * count has none stored: their active coupons are counted here, once, in the same transaction.
 */
export async function activeCouponsAfter(tx: Transaction, db: Firestore, member: DocumentSnapshot, delta: 1 | -1): Promise<number> {
  const stored = member.get('activeCoupons')
  const before =
    typeof stored === 'number'
      ? stored
      : (await tx.get(db.collection(COLLECTIONS.coupons).where('uid', '==', member.id).where('status', '==', 'active').count())).data().count
  return Math.max(0, before + delta)
}

/**
 * Marks one coupon expired if it is still active and past its expiry, with the member's count, in
 * one transaction: a coupon used at the till a moment before stays used. True if it expired it.
 */
export async function expireCoupon(db: Firestore, code: string, now: Date): Promise<boolean> {
  const ref = db.doc(paths.coupon(code))
  return db.runTransaction(async (tx) => {
    const coupon = await tx.get(ref)
    if (!coupon.exists || coupon.get('status') !== 'active' || coupon.get('expiresAt').toDate() > now) return false
    const uid = coupon.get('uid')
    const member = typeof uid === 'string' ? await tx.get(db.doc(paths.member(uid))) : null
    const count = member?.exists ? await activeCouponsAfter(tx, db, member, -1) : null
    tx.update(ref, { status: 'expired', expiredAt: Timestamp.fromDate(now) })
    if (member?.exists && count !== null) tx.update(member.ref, { activeCoupons: count })
    return true
  })
}
