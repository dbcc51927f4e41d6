import { CALLABLES } from '../../../src/domain/contracts/callables'
import { callable } from '../lib/callable'
import { HttpsError } from 'firebase-functions/v2/https'
import { ReversePurchaseInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { requireStaffOrAdmin } from '../lib/roles'
import { clawBackReferralAfterRefund } from '../referrals/settle'
import { reversePurchase as reverse } from './reverse'

/** `reversePurchase`: a refund at the till (staff, own store) or by an operator. */
export const reversePurchase = callable(CALLABLES.reversePurchase, { input: ReversePurchaseInputSchema, authorize: requireStaffOrAdmin }, async (input, caller) => {
  const partnerId = caller.role === 'staff' ? caller.partnerId : input.partnerId
  if (!partnerId) throw new HttpsError('invalid-argument', 'Invalid input — partnerId: required for operators.')
  if (caller.role === 'staff' && input.partnerId && input.partnerId !== caller.partnerId) {
    throw new HttpsError('permission-denied', "Staff can refund only their own store's purchases.")
  }
  const firestore = db()
  const config = await loadClubConfig(firestore)
  const { uid, purchaseEntryId, ...result } = await reverse(firestore, {
    partnerId,
    receiptId: input.receiptId,
    by: caller.uid,
    tillId: input.tillId ?? null,
    config,
  })
  await clawBackReferralAfterRefund(firestore, uid, { partnerId, receiptId: input.receiptId, entryId: purchaseEntryId }, config)
  return result
})
