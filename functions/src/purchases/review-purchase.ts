import { CALLABLES } from '../../../src/domain/contracts/callables'
import { callable } from '../lib/callable'
import { ReviewPurchaseInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { requireAdmin } from '../lib/roles'
import { settleReferralAfterPurchase } from '../referrals/settle'
import { reviewPurchase as review } from './review'

/** `reviewPurchase`: an operator approves or refuses a purchase held above the review threshold. */
export const reviewPurchase = callable(CALLABLES.reviewPurchase, { input: ReviewPurchaseInputSchema, authorize: requireAdmin }, async (input, admin) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  const { uid, entryId, amountShekels, scanned, offline, ...result } = await review(firestore, { ...input, by: admin.uid, config })
  if (result.status === 'recorded') {
    const purchase = { partnerId: input.partnerId, receiptId: input.receiptId, entryId, amountShekels, points: result.points }
    await settleReferralAfterPurchase(firestore, uid, { ...purchase, scanned, offline, status: 'recorded' }, config)
  }
  return result
})
