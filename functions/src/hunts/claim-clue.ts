import { logger } from 'firebase-functions'
import { HttpsError } from 'firebase-functions/v2/https'
import { ClaimClueInputSchema } from '../../../src/domain/earn/hunts'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { loadClubConfig } from '../club'
import { grantBadges } from '../earn/badges'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { callerOf } from '../lib/roles'
import { claimClue as claim } from './claim'

/** `claimClue`: a member answers the next clue of a treasure hunt. */
export const claimClue = callable(CALLABLES.claimClue, { input: ClaimClueInputSchema, authorize: callerOf }, async (input, caller) => {
  // Staff accounts play with their own member account, never with the till's.
  if (caller.role !== 'member') throw new HttpsError('permission-denied', 'Only members take part in treasure hunts.', { reason: 'not-a-member' })
  const firestore = db()
  const config = await loadClubConfig(firestore)
  const result = await claim(firestore, { uid: caller.uid, ...input, config })
  // Also on a replayed finish: granting is idempotent, and a grant that failed the first time
  // is made good by the retry. A badge never fails the answer itself.
  if (result.correct && result.finished) {
    await grantBadges(firestore, caller.uid, { huntsFinished: 1 }).catch((error: unknown) =>
      logger.error('hunt badge not granted', { uid: caller.uid, error: String(error) }),
    )
  }
  return result
})
