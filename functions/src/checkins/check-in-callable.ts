import { CheckInInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'
import { grantVisitBadges } from '../earn/badges'
import { recordStreakAfterVisit } from '../earn/streaks'
import { checkIn as scanIn } from './check-in'

/** `checkIn`: a member scans a partner's poster or counter screen to earn for the visit. */
export const checkIn = callable(CALLABLES.checkIn, { input: CheckInInputSchema, authorize: requireAuth }, async (input, { uid }) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  // A visit never qualifies a referral: only the friend's scanned first purchase does (settle.ts).
  const visit = await scanIn(firestore, { uid, code: input.code, requestId: input.requestId, location: input.location, config })
  if (!visit.alreadyToday) {
    await grantVisitBadges(firestore, uid)
    await recordStreakAfterVisit(firestore, uid, config, new Date())
  }
  return visit
})
