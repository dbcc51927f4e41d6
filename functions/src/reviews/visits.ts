import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { addDays, localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { visitWindowStart } from '../../../src/domain/earn/reviews'
import { COLLECTIONS, LEDGER_IDS, paths } from '../../../src/domain/shared/paths'

const DAY_MS = 86_400_000

/**
 * Whether the member visited the partner in the review window (from the club day
 * `visitWindowStart` on): a scan-in there (the day's ledger entry has a fixed id, so each day is
 * one read by id) or a purchase whose card was scanned and that still stands (`recorded`: not
 * held, refused or refunded). A typed member number proves nothing about who stood at the till.
 */
export async function hasVerifiedVisit(db: Firestore, uid: string, partnerId: string, config: ClubConfig, now: Date): Promise<boolean> {
  const today = localDate(now, config.timeZone)
  const since = visitWindowStart(today, config.reviews.visitWindowDays)
  const days: string[] = []
  for (let day = today; day >= since; day = addDays(day, -1)) days.push(day)
  const checkIns = await db.getAll(...days.map((day) => db.doc(paths.ledgerEntry(uid, LEDGER_IDS.checkIn(partnerId, day)))))
  if (checkIns.some((snap) => snap.exists)) return true
  // A day more than the window by the clock, then judged by the club day the receipt fell on.
  const receipts = await db
    .collection(COLLECTIONS.receipts)
    .where('uid', '==', uid)
    .where('partnerId', '==', partnerId)
    .where('recordedAt', '>=', Timestamp.fromMillis(now.getTime() - (config.reviews.visitWindowDays + 2) * DAY_MS))
    .orderBy('recordedAt', 'desc')
    .limit(50)
    .get()
  return receipts.docs.some(
    (doc) =>
      doc.get('scanned') === true &&
      doc.get('status') === 'recorded' &&
      localDate(doc.get('recordedAt').toDate(), config.timeZone) >= since,
  )
}
