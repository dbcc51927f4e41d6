import { onDocumentUpdated } from 'firebase-functions/v2/firestore'
import { COLLECTIONS } from '../../../src/domain/shared/paths'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { dispatchMessage, tierUpDedupeKey } from './dispatch'

/**
 * A member who moves up a tier is told so in their inbox, whichever operation moved them (a
 * purchase, a visit, an award, an operator's correction): every one of them writes `tierId`
 * through the ledger, so the change on the member document is the one place to watch. Down-moves
 * (the nightly tier review) say nothing. The trigger may run more than once for one change; the
 * dedupe key (the new tier and when it was reached) makes that one message.
 */
export const tierUpMessage = onDocumentUpdated(`${COLLECTIONS.members}/{uid}`, async (event) => {
  const before = event.data?.before
  const after = event.data?.after
  if (!before || !after) return
  const from = String(before.get('tierId') ?? '')
  const to = String(after.get('tierId') ?? '')
  if (from === to || !to) return
  const firestore = db()
  const { tiers } = await loadClubConfig(firestore)
  const rank = (id: string) => tiers.findIndex((tier) => tier.id === id)
  if (rank(to) <= rank(from)) return
  const since = after.get('tierSince') as { toMillis?: () => number } | undefined
  const reached = typeof since?.toMillis === 'function' ? since.toMillis() : event.id
  await dispatchMessage(firestore, { uid: event.params.uid, kind: 'tier-up', params: { tierId: to }, dedupeKey: tierUpDedupeKey(to, reached) })
})
