import { HttpsError } from 'firebase-functions/v2/https'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { EmptyInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { profileGaps } from '../../../src/domain/members/member'
import { paths } from '../../../src/domain/shared/paths'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'
import { grantBadges } from '../earn/badges'
import { awardActivity } from './award-activity'

/** `claimProfileReward`: points, once, for a real profile (`profileGaps`, checked on the server). */
export const claimProfileReward = callable(CALLABLES.claimProfileReward, { input: EmptyInputSchema, authorize: requireAuth }, async (_input, { uid }) => {
  const firestore = db()
  const [member, config] = await Promise.all([firestore.doc(paths.member(uid)).get(), loadClubConfig(firestore)])
  if (!member.exists) throw new HttpsError('not-found', 'Join the club first.', { reason: 'not-a-member' })
  // Checked on what is stored: the profile's fields are member-written, so never trusted.
  const gaps = profileGaps(member.data() as Parameters<typeof profileGaps>[0], config)
  if (gaps.length > 0) {
    throw new HttpsError('failed-precondition', `Complete your profile first (${gaps.join(', ')}).`, { reason: 'profile-incomplete', gaps })
  }
  const award = await awardActivity(firestore, { uid, ruleId: 'profile-complete', actionId: 'profile', config })
  // Paid (now or before) means the server judged the profile real: the badge follows, once.
  await grantBadges(firestore, uid, { profileComplete: true })
  return award
})
