import { HttpsError } from 'firebase-functions/v2/https'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { DonatePointsInputSchema } from '../../../src/domain/earn/charities'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { cryptoRandom } from '../lib/random'
import { callerOf } from '../lib/roles'
import { donatePoints as donate } from './donate'

/** A member gives points to a charity and gets a receipt; staff and operator accounts have no points to give. */
function requireMember(request: Parameters<typeof callerOf>[0]) {
  const caller = callerOf(request)
  if (caller.role !== 'member') throw new HttpsError('permission-denied', 'Only members can donate points.')
  return caller
}

/** `donatePoints`: points to a charity from the club's list, with a receipt. */
export const donatePoints = callable(CALLABLES.donatePoints, { input: DonatePointsInputSchema, authorize: requireMember }, async (input, { uid }) => {
  const firestore = db()
  return donate(firestore, { uid, ...input, config: await loadClubConfig(firestore), random: cryptoRandom })
})
