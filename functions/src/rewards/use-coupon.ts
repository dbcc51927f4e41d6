import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { UseCouponResult } from '../../../src/domain/contracts/callable-results'
import { paths } from '../../../src/domain/shared/paths'
import { auditActor, recordAudit } from '../admin/audit'
import { localDate } from '../../../src/domain/shared/calendar'
import { nameAtTill } from '../../../src/domain/members/member'
import { tillLogId, writeTillLog } from '../purchases/till-log'
import { activeCouponsAfter } from './coupon-count'

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
  params: {
    code: string
    staffUid: string
    partnerId: string
    requestId: string
    tillId: string
    /** The club's time zone: the acceptance is listed on the till's club day. */
    timeZone: string
    now?: Date
  },
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
    if (coupon.get('status') === 'expired' || coupon.get('expiresAt').toDate() < now) {
      throw new HttpsError('failed-precondition', 'This coupon has expired.', { reason: 'coupon-expired' })
    }
    const partnerId = coupon.get('partnerId')
    if (partnerId && partnerId !== params.partnerId) {
      throw new HttpsError('failed-precondition', 'This coupon belongs to another partner store.', {
        reason: 'coupon-wrong-partner',
        partnerId,
      })
    }
    const memberUid = coupon.get('uid')
    const member = typeof memberUid === 'string' ? await tx.get(db.doc(paths.member(memberUid))) : null
    const activeCoupons = member?.exists ? await activeCouponsAfter(tx, db, member, -1) : null
    const at = Timestamp.fromDate(now)
    tx.update(ref, { status: 'used', usedAt: at, usedAtPartner: params.partnerId })
    if (member?.exists && activeCoupons !== null) tx.update(member.ref, { activeCoupons })
    tx.create(useRef, {
      code: coupon.id,
      requestId: params.requestId,
      partnerId: params.partnerId,
      staffUid: params.staffUid,
      tillId: params.tillId,
      usedAt: at,
    })
    recordAudit(tx, db, {
      actor: auditActor({ uid: params.staffUid, role: 'staff', partnerId: params.partnerId }, params.tillId),
      action: 'useCoupon',
      memberUid: typeof memberUid === 'string' ? memberUid : null,
      partnerId: params.partnerId,
      target: coupon.id,
      details: { rewardId: String(coupon.get('rewardId')), requestId: params.requestId },
    })
    writeTillLog(
      tx,
      db,
      tillLogId('coupon', coupon.id),
      {
        kind: 'coupon',
        partnerId: params.partnerId,
        tillId: params.tillId,
        by: params.staffUid,
        receiptId: null,
        amountShekels: null,
        points: 0,
        displayName: nameAtTill(String(member?.get('name') ?? '')),
        ref: String(coupon.get('rewardId')),
        name: coupon.get('name') ?? null,
      },
      now,
      localDate(now, params.timeZone),
    )
    return result(false)
  })
}
