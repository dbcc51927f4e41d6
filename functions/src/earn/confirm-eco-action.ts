import { CALLABLES } from '../../../src/domain/contracts/callables'
import { ConfirmEcoActionInputSchema, ecoActionAt } from '../../../src/domain/earn/eco'
import { cardScanPath, identifyMember } from '../cards/identify'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { loadPartner } from '../lib/lookups'
import { requireStaff } from '../lib/roles'
import { confirmEco, grantEcoBadges, refuseEco } from './eco'

/**
 * `confirmEcoAction`: staff at the till confirm an eco action (own cup, returned packaging) for
 * the member whose live card they scanned. Only actions the club offers at this staff member's
 * store; never on the staff member's own account; capped per member per action per day and per
 * staff account per day. The till sees the action, the points and the first name — not the balance.
 */
export const confirmEcoAction = callable(CALLABLES.confirmEcoAction, { input: ConfirmEcoActionInputSchema, authorize: requireStaff }, async (input, staff) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  const offered = ecoActionAt(config.eco, input.actionId, staff.partnerId)
  if (!offered.ok) refuseEco(offered.refusal)
  const [partner, member] = await Promise.all([loadPartner(firestore, staff.partnerId), identifyMember(firestore, { token: input.token }, new Date())])
  const result = await confirmEco(firestore, {
    uid: member.uid,
    action: offered.action,
    partnerId: partner.id,
    requestId: input.requestId,
    scanPath: cardScanPath(member.token!),
    staff: { uid: staff.uid, email: staff.email, memberUid: staff.memberUid, tillId: input.tillId },
    config,
  })
  if (!result.replayed) await grantEcoBadges(firestore, member.uid)
  return result
})
