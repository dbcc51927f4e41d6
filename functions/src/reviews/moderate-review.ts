import { CALLABLES } from '../../../src/domain/contracts/callables'
import { ModerateReviewInputSchema } from '../../../src/domain/earn/review-schema'
import { loadClubConfig } from '../club'
import { grantBadges } from '../earn/badges'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAdmin } from '../lib/roles'
import { moderateReview as moderate } from './moderate'

/** `moderateReview`: an operator approves (pays) or removes (claws back) a review (see ./moderate.ts). */
export const moderateReview = callable(CALLABLES.moderateReview, { input: ModerateReviewInputSchema, authorize: requireAdmin }, async (input, caller) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  const { uid, ...result } = await moderate(firestore, { ...input, by: caller.uid, config })
  if (result.status === 'published' && result.points > 0) await grantBadges(firestore, uid, { reviews: 1 })
  return result
})
