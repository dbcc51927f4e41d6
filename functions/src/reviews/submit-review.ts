import { CALLABLES } from '../../../src/domain/contracts/callables'
import { SubmitReviewInputSchema } from '../../../src/domain/earn/review-schema'
import { loadClubConfig } from '../club'
import { grantBadges } from '../earn/badges'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { callerOf } from '../lib/roles'
import { HttpsError } from 'firebase-functions/v2/https'
import { submitReview as submit } from './submit'

/** `submitReview`: a member reviews a partner store they visited (see ./submit.ts). */
export const submitReview = callable(
  CALLABLES.submitReview,
  {
    input: SubmitReviewInputSchema,
    // Reviews are a member's word: staff and operator accounts do not write them.
    authorize: (request) => {
      const caller = callerOf(request)
      if (caller.role !== 'member') throw new HttpsError('permission-denied', 'Only members write reviews.')
      return caller
    },
  },
  async (input, { uid }) => {
    const firestore = db()
    const config = await loadClubConfig(firestore)
    const result = await submit(firestore, { uid, input, config })
    if (result.status === 'published' && result.points > 0) await grantBadges(firestore, uid, { reviews: 1 })
    return result
  },
)
