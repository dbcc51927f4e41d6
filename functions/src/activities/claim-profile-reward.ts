import { HttpsError, onCall } from 'firebase-functions/v2/https'
import { EmptyInputSchema } from '../../../src/domain/callable-schemas'
import { isProfileComplete } from '../../../src/domain/member'
import { paths } from '../../../src/domain/paths'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { parseInput, requireAuth } from '../lib/errors'
import { awardActivity } from './award-activity'

/** `claimProfileReward`: points, once, for a complete profile (checked on the server). */
export const claimProfileReward = onCall(async (request) => {
  const { uid } = requireAuth(request)
  parseInput(EmptyInputSchema, request.data)
  const firestore = db()
  const member = await firestore.doc(paths.member(uid)).get()
  if (!member.exists) throw new HttpsError('not-found', 'Join the club first.', { reason: 'not-a-member' })
  if (!isProfileComplete(member.data() as Parameters<typeof isProfileComplete>[0])) {
    throw new HttpsError('failed-precondition', 'Complete your profile first.', { reason: 'profile-incomplete' })
  }
  return awardActivity(firestore, { uid, ruleId: 'profile-complete', actionId: 'profile', config: await loadClubConfig(firestore) })
})
