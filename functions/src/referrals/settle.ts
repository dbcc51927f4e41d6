import { getAuth } from 'firebase-admin/auth'
import type { Firestore } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions/v2'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { paths } from '../../../src/domain/shared/paths'
import { purchaseNotQualifying } from '../../../src/domain/referrals/referrals'
import { isThrowawayAddress } from './disposable'
import { clawBackFriendGift, clawBackReferrer, decideReferral, payFriendGift } from './pay-referral'

/** What `recordPurchase` knows about a purchase it has just committed, for the referral rules. */
export interface QualifyingPurchase {
  partnerId: string
  receiptId: string
  /** The purchase's ledger entry id in the friend's ledger. */
  entryId: string
  amountShekels: number
  points: number
  /** Identified by the card's QR (not a typed member number). */
  scanned: boolean
  /** Sent from the till's offline queue. */
  offline: boolean
  status: 'recorded' | 'pending'
}

const DAY_MS = 86_400_000

/**
 * After a purchase of the friend has committed: if it qualifies (the friend's first purchase that
 * was scanned from their card at an online till, recorded, earning points, at least the club's
 * minimum, by an account whose e-mail is verified), both sides are paid — or the referral is held
 * or refused. A purchase that does not qualify leaves the referral waiting for the next one.
 * Idempotent; a failure never undoes the purchase, and the friend's next purchase tries again.
 */
export async function settleReferralAfterPurchase(db: Firestore, friendUid: string, purchase: QualifyingPurchase, config: ClubConfig): Promise<void> {
  try {
    const referral = await db.doc(paths.referral(friendUid)).get()
    if (!referral.exists || !config.referrals.enabled) return
    const status = referral.get('status')
    if (status === 'qualified') {
      // A retry after a crash between the two sides: the friend's gift is still owed.
      await payFriendGift(db, friendUid, config)
      return
    }
    if (status !== 'joined' || purchaseNotQualifying(purchase, config.referrals)) return
    // The Auth record, not the member document: only Firebase knows whether the mailbox answered.
    const user = await getAuth().getUser(friendUid)
    if (!user.emailVerified) return
    const disposable = isThrowawayAddress(user.email ?? null, config)
    const { partnerId, receiptId, entryId, amountShekels } = purchase
    const decision = await decideReferral(db, friendUid, { partnerId, receiptId, entryId, amountShekels }, disposable, config)
    if (decision.outcome === 'qualified') await payFriendGift(db, friendUid, config)
  } catch (error) {
    logger.error('referral settlement failed; the friend’s next purchase retries', { friendUid, error: String(error) })
  }
}

/**
 * After a refund has committed: when the refunded purchase is the one that qualified the friend,
 * and it is refunded within the club's refund window, both rewards come back out (debt where
 * they were spent) and a lent tier from that reward ends; a held referral is refused instead.
 * Idempotent, so the refund's retries can call it again; errors reach the caller, whose retry
 * (the refund replays) finishes the job.
 */
export async function clawBackReferralAfterRefund(
  db: Firestore,
  friendUid: string,
  refund: { partnerId: string; receiptId: string; entryId: string },
  config: ClubConfig,
): Promise<void> {
  const settlement = await db.doc(paths.referralSettlement(friendUid)).get()
  if (!settlement.exists || settlement.get('entryId') !== refund.entryId) return
  const qualifiedAt = settlement.get('qualifiedAt')?.toDate() as Date | undefined
  if (!qualifiedAt || Date.now() - qualifiedAt.getTime() > config.referrals.refundWindowDays * DAY_MS) return
  const status = await clawBackReferrer(db, friendUid, config)
  if (status === 'clawed-back') await clawBackFriendGift(db, friendUid, config)
}
