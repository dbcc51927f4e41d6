import { ReissuePosterCodeInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { loadPartner } from '../lib/lookups'
import { requireAdmin } from '../lib/roles'
import { auditActor } from '../admin/audit'
import { requireVisitMode, rotateCounterKeyOf } from './partner-secrets'

/**
 * `rotateCounterKey` (operators): a counter device was lost or stolen — a new key for the store's
 * counter screen, and every code signed with the old one is refused from now on.
 */
export const rotateCounterKey = callable(
  CALLABLES.rotateCounterKey,
  { input: ReissuePosterCodeInputSchema, authorize: requireAdmin },
  async ({ partnerId, requestId }, admin) => {
    const firestore = db()
    requireVisitMode(await loadPartner(firestore, partnerId), 'screen')
    await rotateCounterKeyOf(firestore, partnerId, requestId ?? null, auditActor(admin))
    return { partnerId, rotated: true as const }
  },
)
