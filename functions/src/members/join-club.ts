import { onCall } from 'firebase-functions/v2/https'
import type { JoinClubResult } from '../../../src/domain/join'
import { JoinClubInputSchema } from '../../../src/domain/join-schema'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { parseInput, requireAuth } from '../lib/errors'
import { cryptoRandom } from '../lib/random'
import { joinMember } from './join-member'

/** `joinClub`: the signed-in user becomes a member (once) and receives the welcome gift. */
export const joinClub = onCall(async (request): Promise<JoinClubResult> => {
  const { uid, email } = requireAuth(request)
  const input = parseInput(JoinClubInputSchema, request.data)
  const firestore = db()
  const config = await loadClubConfig(firestore)
  return joinMember(firestore, { uid, email, input, config, now: new Date(), random: cryptoRandom })
})
