import { HttpsError, onCall } from 'firebase-functions/v2/https'
import { PartnerIdInputSchema } from '../../../src/domain/callable-schemas'
import { db } from '../lib/admin'
import { parseInput } from '../lib/errors'
import { loadPartner } from '../lib/lookups'
import { requireStaffOrAdmin } from '../lib/roles'
import { posterCodeFor } from './poster-key'

/** `getPosterCode`: staff print their own store's check-in poster; operators any store's. */
export const getPosterCode = onCall(async (request): Promise<{ partnerId: string; code: string }> => {
  const caller = requireStaffOrAdmin(request)
  const { partnerId } = parseInput(PartnerIdInputSchema, request.data)
  if (caller.role === 'staff' && caller.partnerId !== partnerId) {
    throw new HttpsError('permission-denied', "Staff print only their own store's poster.")
  }
  const firestore = db()
  await loadPartner(firestore, partnerId)
  return { partnerId, code: await posterCodeFor(firestore, partnerId) }
})
