import { HttpsError } from 'firebase-functions/v2/https'
import { PartnerIdInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { loadPartner } from '../lib/lookups'
import { requireStaffOrAdmin } from '../lib/roles'
import { partnerSecret, requireVisitMode } from './partner-secrets'
import { posterCodeFor } from './poster-key'

/** `getPosterCode`: the current printed code; staff print their own store's poster, operators any store's. */
export const getPosterCode = callable(
  CALLABLES.getPosterCode,
  { input: PartnerIdInputSchema, authorize: requireStaffOrAdmin },
  async ({ partnerId }, caller) => {
    if (caller.role === 'staff' && caller.partnerId !== partnerId) {
      throw new HttpsError('permission-denied', "Staff print only their own store's poster.")
    }
    const firestore = db()
    requireVisitMode(await loadPartner(firestore, partnerId), 'printed')
    const { posterVersion } = await partnerSecret(firestore, partnerId)
    return { partnerId, code: await posterCodeFor(firestore, partnerId, posterVersion), version: posterVersion }
  },
)
