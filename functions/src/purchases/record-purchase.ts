import { onCall } from 'firebase-functions/v2/https'
import { RecordPurchaseInputSchema } from '../../../src/domain/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { parseInput } from '../lib/errors'
import { loadPartner, uidForMemberNumber } from '../lib/lookups'
import { requireStaff } from '../lib/roles'
import { recordPurchase as record, type PurchaseResult } from './record'

/** `recordPurchase`: staff at a partner store record a member's purchase. */
export const recordPurchase = onCall(async (request): Promise<PurchaseResult> => {
  const staff = requireStaff(request)
  const input = parseInput(RecordPurchaseInputSchema, request.data)
  const firestore = db()
  const [config, partner, uid] = await Promise.all([
    loadClubConfig(firestore),
    loadPartner(firestore, staff.partnerId),
    uidForMemberNumber(firestore, input.memberNo),
  ])
  return record(firestore, { uid, partner, amount: input.amount, receiptId: input.receiptId, by: staff.uid, config })
})
