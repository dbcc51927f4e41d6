import { onDocumentCreated, onDocumentUpdated } from 'firebase-functions/v2/firestore'
import { Timestamp, type DocumentData } from 'firebase-admin/firestore'
import { COLLECTIONS } from '../../../src/domain/shared/paths'
import { db } from '../lib/admin'
import { fanOutClubNews } from './club-news'
import { dispatchMessage } from './dispatch'

/**
 * Which message a new ledger entry is worth, if any. A purchase at a partner's till tells the
 * member their points arrived (one entry per purchase, so one message per purchase); a purchase
 * held for review, or a review, that an operator approved tells them the pending points are
 * theirs. Everything else (the member's own redemptions, check-ins they watch on screen, gifts
 * with their own message, corrections) says nothing here.
 */
export function ledgerMessageKind(entry: DocumentData): 'points-arrived' | 'pending-approved' | null {
  if (entry.type !== 'earn' || !(Number(entry.points) > 0)) return null
  if (entry.reason === 'purchase') return typeof entry.approvedBy === 'string' ? 'pending-approved' : 'points-arrived'
  if (entry.reason === 'review') return 'pending-approved'
  return null
}

// Older news is no news: an entry or a post written with a past date (an imported history, the
// demo club's seed, an offline till's late sync) is told by whoever wrote it, or not at all.
const FRESH_MS = 24 * 3_600_000
const fresh = (at: unknown) => at instanceof Timestamp && Date.now() - at.toMillis() <= FRESH_MS

/**
 * Points credited to a member, told after the credit's own transaction (the till never waits for
 * the inbox). The entry id is the dedupe key: a trigger run twice tells once.
 */
export const pointsMessage = onDocumentCreated(`${COLLECTIONS.members}/{uid}/${COLLECTIONS.ledger}/{entryId}`, async (event) => {
  const entry = event.data?.data()
  const kind = entry ? ledgerMessageKind(entry) : null
  if (!entry || !kind || !fresh(entry.createdAt)) return
  await dispatchMessage(db(), { uid: event.params.uid, kind, params: { points: Number(entry.points), entryId: event.params.entryId }, dedupeKey: event.params.entryId })
})

/** A reporter hears once that their report was decided (`moderateContent` closes every open report on the content). */
export const reportOutcomeMessage = onDocumentUpdated(`${COLLECTIONS.reports}/{reportId}`, async (event) => {
  const before = event.data?.before
  const after = event.data?.after
  if (!before || !after || before.get('outcome') !== 'open') return
  const outcome = after.get('outcome')
  const reporter = after.get('reporterUid')
  if (typeof outcome !== 'string' || outcome === 'open' || typeof reporter !== 'string') return
  await dispatchMessage(db(), { uid: reporter, kind: 'report-outcome', params: { outcome }, dedupeKey: event.params.reportId })
})

/** An operator's announcement goes to every member's inbox through the dispatcher (src/views/admin/AnnouncementsView.vue posts it). */
export const clubNewsMessage = onDocumentCreated(
  { document: `${COLLECTIONS.posts}/{postId}`, timeoutSeconds: 540 },
  async (event) => {
    const post = event.data?.data()
    if (post?.kind !== 'announcement' || post.status !== 'published' || !fresh(post.createdAt)) return
    await fanOutClubNews(db(), event.params.postId)
  },
)
