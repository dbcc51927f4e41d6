import { ReissuePosterCodeInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { loadPartner } from '../lib/lookups'
import { requireAdmin } from '../lib/roles'
import { auditActor } from '../admin/audit'
import { reissuePosterVersion, requireVisitMode } from './partner-secrets'
import { posterCodeFor } from './poster-key'

/**
 * `reissuePosterCode` (operators): a new poster for a partner, when the old one was photographed
 * and shared; every earlier poster of the partner is refused from now on.
 */
export const reissuePosterCode = callable(
  CALLABLES.reissuePosterCode,
  { input: ReissuePosterCodeInputSchema, authorize: requireAdmin },
  async ({ partnerId, requestId }, admin) => {
    const firestore = db()
    requireVisitMode(await loadPartner(firestore, partnerId), 'printed')
    const version = await reissuePosterVersion(firestore, partnerId, requestId ?? null, auditActor(admin))
    return { partnerId, code: await posterCodeFor(firestore, partnerId, version), version }
  },
)
