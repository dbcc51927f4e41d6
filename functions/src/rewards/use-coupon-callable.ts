import { onCall } from 'firebase-functions/v2/https'
import { UseCouponInputSchema } from '../../../src/domain/callable-schemas'
import { db } from '../lib/admin'
import { parseInput } from '../lib/errors'
import { requireStaff } from '../lib/roles'
import { useCoupon as accept, type UseCouponResult } from './use-coupon'

/** `useCoupon`: staff accept a member's coupon at the till, once. */
export const useCoupon = onCall(async (request): Promise<UseCouponResult> => {
  const staff = requireStaff(request)
  const input = parseInput(UseCouponInputSchema, request.data)
  return accept(db(), {
    code: input.code,
    staffUid: staff.uid,
    partnerId: staff.partnerId,
    requestId: input.requestId,
    tillId: input.tillId,
  })
})
