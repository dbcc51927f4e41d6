import { HttpsError } from 'firebase-functions/v2/https'
import { PartnerIdInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { COUNTER_STEP_SECONDS } from '../../../src/domain/partners/counter-code'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { loadPartner } from '../lib/lookups'
import { requireStaffOrAdmin } from '../lib/roles'
import { partnerSecret, requireVisitMode } from './partner-secrets'

/**
 * `getCounterKey`: the counter device of a screen-mode partner fetches the key once and signs the
 * rotating visit code itself, offline. Only that partner's staff, or an operator, may have it:
 * whoever holds it can mint visits at the store.
 */
export const getCounterKey = callable(
  CALLABLES.getCounterKey,
  { input: PartnerIdInputSchema, authorize: requireStaffOrAdmin },
  async ({ partnerId }, caller) => {
    if (caller.role === 'staff' && caller.partnerId !== partnerId) {
      throw new HttpsError('permission-denied', "Staff open only their own store's counter screen.")
    }
    const firestore = db()
    requireVisitMode(await loadPartner(firestore, partnerId), 'screen')
    return { partnerId, key: (await partnerSecret(firestore, partnerId)).counterKey, stepSeconds: COUNTER_STEP_SECONDS }
  },
)
