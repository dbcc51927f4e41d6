import { CALLABLES } from '../../../src/domain/contracts/callables'
import { callable } from '../lib/callable'
import { RedeemRewardInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { requireAuth } from '../lib/errors'
import { cryptoRandom } from '../lib/random'
import { redeemReward as redeem } from './redeem'

/** `redeemReward`: a member spends points on a reward and gets a single-use coupon. */
export const redeemReward = callable(CALLABLES.redeemReward, { input: RedeemRewardInputSchema, authorize: requireAuth }, async (input, { uid }) => {
  const firestore = db()
  return redeem(firestore, { uid, ...input, config: await loadClubConfig(firestore), random: cryptoRandom })
})
