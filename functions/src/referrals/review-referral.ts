import { ReviewReferralInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAdmin } from '../lib/roles'
import { payFriendGift, reviewHeldReferral } from './pay-referral'

/** `reviewReferral`: an operator pays (both sides) or refuses a referral the velocity hold stopped. */
export const reviewReferral = callable(CALLABLES.reviewReferral, { input: ReviewReferralInputSchema, authorize: requireAdmin }, async (input, caller) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  const result = await reviewHeldReferral(firestore, { ...input, by: caller.uid, config })
  // Also on a replay: a crash between the two sides left the friend's gift owed.
  if (result.status === 'qualified') await payFriendGift(firestore, input.friendUid, config)
  return result
})
