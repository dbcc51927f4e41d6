import { CALLABLES } from '../../../src/domain/contracts/callables'
import type { ReversalResult } from '../../../src/domain/contracts/callable-results'
import { callable } from '../lib/callable'
import { HttpsError } from 'firebase-functions/v2/https'
import { ReversePurchaseInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { requireStaffOrAdmin } from '../lib/roles'
import { clawBackReferralAfterRefund } from '../referrals/settle'
import { reversePurchase as reverse } from './reverse'
import { auditActor } from '../admin/audit'

/**
 * `reversePurchase`: a refund at the till (staff, own store, with their till and a reason; counted
 * per staff account per day) or by an operator. Another store's receipt is simply not found there.
 */
export const reversePurchase = callable(CALLABLES.reversePurchase, { input: ReversePurchaseInputSchema, authorize: requireStaffOrAdmin }, async (input, caller) => {
  const partnerId = caller.role === 'staff' ? caller.partnerId : input.partnerId
  if (!partnerId) throw new HttpsError('invalid-argument', 'Invalid input — partnerId: required for operators.')
  if (caller.role === 'staff' && input.partnerId && input.partnerId !== caller.partnerId) {
    throw new HttpsError('permission-denied', "Staff can refund only their own store's purchases.")
  }
  // A refund at the till is counted and listed with its till, like a purchase.
  if (caller.role === 'staff' && !input.tillId) throw new HttpsError('invalid-argument', 'Invalid input — tillId: required at the till.')
  const firestore = db()
  const config = await loadClubConfig(firestore)
  const { uid, purchaseEntryId, ...result } = await reverse(firestore, {
    partnerId,
    receiptId: input.receiptId,
    actor: auditActor(caller, input.tillId ?? null),
    config,
    reason: input.reason,
    staff: caller.role === 'staff' ? { email: caller.email, memberUid: caller.memberUid } : undefined,
  })
  await clawBackReferralAfterRefund(firestore, uid, { partnerId, receiptId: input.receiptId, entryId: purchaseEntryId }, config)
  return caller.role === 'admin' ? result : atTheTill(result)
})

/** The till never learns a member's balance, nor (through the debt) what it was. */
function atTheTill({ balance: _balance, shortfall: _shortfall, ...rest }: ReversalResult): ReversalResult {
  return rest
}
