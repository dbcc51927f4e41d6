import { HttpsError, onCall } from 'firebase-functions/v2/https'
import type { PosterCodeResult } from '../../../src/domain/callable-results'
import { PartnerIdInputSchema } from '../../../src/domain/callable-schemas'
import { db } from '../lib/admin'
import { parseInput } from '../lib/errors'
import { loadPartner } from '../lib/lookups'
import { requireStaffOrAdmin } from '../lib/roles'
import { partnerSecret, requireVisitMode } from './partner-secrets'
import { posterCodeFor } from './poster-key'

/** `getPosterCode`: the current printed code; staff print their own store's poster, operators any store's. */
export const getPosterCode = onCall(async (request): Promise<PosterCodeResult> => {
  const caller = requireStaffOrAdmin(request)
  const { partnerId } = parseInput(PartnerIdInputSchema, request.data)
  if (caller.role === 'staff' && caller.partnerId !== partnerId) {
    throw new HttpsError('permission-denied', "Staff print only their own store's poster.")
  }
  const firestore = db()
  requireVisitMode(await loadPartner(firestore, partnerId), 'printed')
  const { posterVersion } = await partnerSecret(firestore, partnerId)
  return { partnerId, code: await posterCodeFor(firestore, partnerId, posterVersion), version: posterVersion }
})
