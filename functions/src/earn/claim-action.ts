import { CALLABLES } from '../../../src/domain/contracts/callables'
import { ClaimActionInputSchema } from '../../../src/domain/earn/actions'
import { awardActivity } from '../activities/award-activity'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'

/**
 * `claimAction`: honour-based actions reported by the app — a share of the referral link (after
 * the share sheet resolves; the rule's monthly cap bounds it) and following the club (once). Each
 * pays through its earning rule of the same id, so the club's configuration sets points and caps.
 */
export const claimAction = callable(CALLABLES.claimAction, { input: ClaimActionInputSchema, authorize: requireAuth }, async (input, { uid }) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  return awardActivity(firestore, { uid, ruleId: input.actionId, actionId: input.requestId, config })
})
