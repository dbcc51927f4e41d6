import { onCall } from 'firebase-functions/v2/https'
import { RedeemRewardInputSchema } from '../../../src/domain/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { parseInput, requireAuth } from '../lib/errors'
import { cryptoRandom } from '../lib/random'
import { redeemReward as redeem, type RedeemResult } from './redeem'

/** `redeemReward`: a member spends points on a reward and gets a single-use coupon. */
export const redeemReward = onCall(async (request): Promise<RedeemResult> => {
  const { uid } = requireAuth(request)
  const input = parseInput(RedeemRewardInputSchema, request.data)
  const firestore = db()
  return redeem(firestore, { uid, ...input, config: await loadClubConfig(firestore), random: cryptoRandom })
})
