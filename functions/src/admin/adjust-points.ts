import { CALLABLES } from '../../../src/domain/contracts/callables'
import { callable } from '../lib/callable'
import { AdjustPointsInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { uidForMemberNumber } from '../lib/lookups'
import { requireAdmin } from '../lib/roles'
import { adjustPoints as adjust } from './adjust'

/** `adjustPoints`: an operator's correction with a mandatory note. */
export const adjustPoints = callable(CALLABLES.adjustPoints, { input: AdjustPointsInputSchema, authorize: requireAdmin }, async (input, admin) => {
  const firestore = db()
  const [config, uid] = await Promise.all([loadClubConfig(firestore), uidForMemberNumber(firestore, input.memberNo)])
  return adjust(firestore, { uid, points: input.points, note: input.note, requestId: input.requestId, by: admin.uid, config })
})
