import type { Firestore } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions/v2'
import type { ClubConfig } from '../../../src/domain/club-config'
import type { LedgerSource } from '../../../src/domain/ledger'
import { paths } from '../../../src/domain/paths'
import { payReferral } from './pay-referral'

/**
 * After a member's qualifying activity (a purchase, a check-in) has committed: if a friend brought
 * them and has not been paid for them yet, pay now. Idempotent, so retries and parallel calls pay
 * once; a failure here never undoes the purchase, and the next qualifying activity tries again.
 */
export async function settleReferralAfter(db: Firestore, uid: string, source: LedgerSource, config: ClubConfig): Promise<void> {
  if (!config.referrals.qualifyingSources.includes(source)) return
  try {
    const member = await db.doc(paths.member(uid)).get()
    if (!member.get('referredBy') || member.get('referralQualified') === true) return
    const outcome = await payReferral(db, uid, config)
    if (outcome.paid || outcome.reason !== 'not-referred') await member.ref.update({ referralQualified: true })
  } catch (error) {
    logger.error('referral settlement failed; the next qualifying activity retries', { uid, error: String(error) })
  }
}
