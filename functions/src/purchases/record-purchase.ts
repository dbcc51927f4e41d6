import { CALLABLES } from '../../../src/domain/contracts/callables'
import { callable } from '../lib/callable'
import { RecordPurchaseInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { cardScanPath, identifyMember, scanMoment } from '../cards/identify'
import { loadPartner } from '../lib/lookups'
import { requireStaff } from '../lib/roles'
import { settleReferralAfterPurchase } from '../referrals/settle'
import { recordPurchase as record } from './record'
import { grantVisitBadges } from '../earn/badges'
import { recordStreakAfterVisit } from '../earn/streaks'
import { awardSecondPurchase } from '../offers/second-purchase'

/**
 * `recordPurchase`: staff at any partner store (a coalition) record a member's purchase, from the
 * scanned card token or the typed member number (with a reason); purchases from the till's offline
 * queue carry their scan time. The answer tells the till only what it shows: status, points, the
 * customer's first name and initial, tier — never the balance.
 */
export const recordPurchase = callable(CALLABLES.recordPurchase, { input: RecordPurchaseInputSchema, authorize: requireStaff }, async (input, staff) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  const scan = scanMoment(input.scannedAt, config.purchases)
  const [partner, member] = await Promise.all([
    loadPartner(firestore, staff.partnerId),
    identifyMember(firestore, input, scan.at),
  ])
  const { entryId, previousPurchaseOn, ...result } = await record(firestore, {
    uid: member.uid,
    partner,
    amount: input.amount,
    receiptId: input.receiptId,
    staff: { uid: staff.uid, email: staff.email, memberUid: staff.memberUid, tillId: input.tillId },
    config,
    cardScanPath: member.token ? cardScanPath(member.token) : undefined,
    typedReason: input.typedReason,
    offlineScannedAt: scan.offline ? scan.at : undefined,
  })
  await settleReferralAfterPurchase(
    firestore,
    member.uid,
    {
      partnerId: partner.id,
      receiptId: input.receiptId,
      entryId,
      amountShekels: input.amount,
      points: result.points,
      scanned: member.token !== null,
      offline: scan.offline,
      status: result.status,
    },
    config,
  )
  if (result.status === 'recorded') {
    await grantVisitBadges(firestore, member.uid)
    // The week of the scan, not of the upload: a purchase from the offline queue counts when it happened.
    await recordStreakAfterVisit(firestore, member.uid, config, scan.at)
    await awardSecondPurchase(firestore, { uid: member.uid, purchaseEntryId: entryId, previousPurchaseOn, config })
  }
  return result
})
