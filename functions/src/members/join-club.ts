import { CALLABLES } from '../../../src/domain/contracts/callables'
import { JoinClubInputSchema } from '../../../src/domain/members/join-schema'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'
import { cryptoRandom } from '../lib/random'
import { joinMember } from './join-member'

/** `joinClub`: the signed-in user becomes a member (once) and receives the welcome gift. */
export const joinClub = callable(CALLABLES.joinClub, { input: JoinClubInputSchema, authorize: requireAuth }, async (input, { uid, email }) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  return joinMember(firestore, { uid, email, input, config, now: new Date(), random: cryptoRandom })
})
