import { CALLABLES } from '../../../src/domain/contracts/callables'
import { ChoosePlanInputSchema } from '../../../src/domain/members/plans-schema'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'
import { paymentProvider } from './payments/provider'
import { choosePlan as choosePlanFor } from './plans/choose-plan'

/** `choosePlan`: the member picks a plan (a paid one charged through the payment provider), idempotent by request id. */
export const choosePlan = callable(CALLABLES.choosePlan, { input: ChoosePlanInputSchema, authorize: requireAuth }, async (input, { uid }) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  return choosePlanFor(firestore, { uid, ...input, config, provider: paymentProvider(firestore), now: new Date() })
})
