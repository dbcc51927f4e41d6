import { onCall } from 'firebase-functions/v2/https'
import type { PosterCodeResult } from '../../../src/domain/callable-results'
import { ReissuePosterCodeInputSchema } from '../../../src/domain/callable-schemas'
import { db } from '../lib/admin'
import { parseInput } from '../lib/errors'
import { loadPartner } from '../lib/lookups'
import { requireAdmin } from '../lib/roles'
import { reissuePosterVersion, requireVisitMode } from './partner-secrets'
import { posterCodeFor } from './poster-key'

/**
 * `reissuePosterCode` (operators): a new poster for a partner, when the old one was photographed
 * and shared; every earlier poster of the partner is refused from now on.
 */
export const reissuePosterCode = onCall(async (request): Promise<PosterCodeResult> => {
  requireAdmin(request)
  const { partnerId, requestId } = parseInput(ReissuePosterCodeInputSchema, request.data)
  const firestore = db()
  requireVisitMode(await loadPartner(firestore, partnerId), 'printed')
  const version = await reissuePosterVersion(firestore, partnerId, requestId ?? null)
  return { partnerId, code: await posterCodeFor(firestore, partnerId, version), version }
})
