import { CALLABLES } from '../../../src/domain/contracts/callables'
import { callable } from '../lib/callable'
import { UseCouponInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { db } from '../lib/admin'
import { loadClubConfig } from '../club'
import { requireStaff } from '../lib/roles'
import { useCoupon as accept } from './use-coupon'

/** `useCoupon`: staff accept a member's coupon at the till, once. */
export const useCoupon = callable(CALLABLES.useCoupon, { input: UseCouponInputSchema, authorize: requireStaff }, async (input, staff) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  return accept(firestore, {
    code: input.code,
    staffUid: staff.uid,
    partnerId: staff.partnerId,
    requestId: input.requestId,
    tillId: input.tillId,
    timeZone: config.timeZone,
  })
})
