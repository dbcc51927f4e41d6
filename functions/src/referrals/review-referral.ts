import { onCall } from 'firebase-functions/v2/https'
import type { ReviewReferralResult } from '../../../src/domain/callable-results'
import { ReviewReferralInputSchema } from '../../../src/domain/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { parseInput } from '../lib/errors'
import { requireAdmin } from '../lib/roles'
import { payFriendGift, reviewHeldReferral } from './pay-referral'

/** `reviewReferral`: an operator pays (both sides) or refuses a referral the velocity hold stopped. */
export const reviewReferral = onCall(async (request): Promise<ReviewReferralResult> => {
  const caller = requireAdmin(request)
  const input = parseInput(ReviewReferralInputSchema, request.data)
  const firestore = db()
  const config = await loadClubConfig(firestore)
  const result = await reviewHeldReferral(firestore, { ...input, by: caller.uid, config })
  // Also on a replay: a crash between the two sides left the friend's gift owed.
  if (result.status === 'qualified') await payFriendGift(firestore, input.friendUid, config)
  return result
})
