import { FieldPath, Timestamp, type DocumentSnapshot, type Firestore, type Query } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions/v2'
import { addDays, localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import type { MessageKind, MessageParams } from '../../../src/domain/messages/kinds'
import { COUPON_EXPIRY_NOTICE_DAYS, pointsNoticeHorizon, tierAtRisk } from '../../../src/domain/messages/reminders'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import { pointsStateOf } from '../ledger/member-state'
import { dispatchMessage, messageLogPath } from './dispatch'

export interface ReminderOptions {
  pageSize?: number
  concurrency?: number
  /** Epoch milliseconds after which no new page starts (the nightly job's budget). */
  deadline: number
}

export interface ReminderStats {
  sent: number
  held: number
  failures: number
  /** False when the budget ran out; the next night's run goes over the same windows again. */
  complete: boolean
}

interface Reminder {
  uid: string
  kind: MessageKind
  params: MessageParams
  dedupeKey: string
}

/**
 * The nightly reminders: points expiring within 30 days (one per expiry date), a coupon expiring
 * within 7 days (one per coupon), a tier that would be lost at the end of its year (one per tier
 * year), and an event tomorrow for members going to it (one per event). Each window is paged with
 * a cursor; the members in it stay in it for days, so what was told is skipped by its log entry
 * (read in bulk, a page at a time), and a rerun or a resumed run tells nothing twice.
 */
export async function sendReminders(db: Firestore, config: ClubConfig, now: Date, options: ReminderOptions): Promise<ReminderStats> {
  const pageSize = options.pageSize ?? 200
  const concurrency = options.concurrency ?? 8
  const today = localDate(now, config.timeZone)
  const stats: ReminderStats = { sent: 0, held: 0, failures: 0, complete: true }

  async function tell(reminders: Reminder[]) {
    if (reminders.length === 0) return
    const logged = await db.getAll(...reminders.map((r) => db.doc(messageLogPath(r.uid, r.kind, r.dedupeKey))))
    const untold = reminders.filter((_, i) => !logged[i]?.exists)
    for (let i = 0; i < untold.length; i += concurrency) {
      await Promise.all(
        untold.slice(i, i + concurrency).map(async (reminder) => {
          try {
            const result = await dispatchMessage(db, { ...reminder, at: now })
            if (result.sent) stats.sent += 1
            else stats.held += 1
          } catch (error) {
            stats.failures += 1
            logger.error('reminder failed', { uid: reminder.uid, kind: reminder.kind, error: String(error) })
          }
        }),
      )
    }
  }

  async function each(query: Query, remindersOf: (doc: DocumentSnapshot) => Reminder[] | Promise<Reminder[]>) {
    let last: DocumentSnapshot | null = null
    for (;;) {
      if (Date.now() >= options.deadline) {
        stats.complete = false
        return
      }
      const page = await (last ? query.startAfter(last) : query).limit(pageSize).get()
      const reminders: Reminder[] = []
      for (const doc of page.docs) reminders.push(...(await remindersOf(doc)))
      await tell(reminders)
      if (page.size < pageSize) return
      last = page.docs.at(-1) ?? null
    }
  }

  const members = db.collection(COLLECTIONS.members)
  await each(members.where('nextExpiryOn', '>=', today).where('nextExpiryOn', '<=', pointsNoticeHorizon(today)).orderBy('nextExpiryOn'), (doc) => {
    const next = doc.get('nextExpiry') as { expiresOn?: unknown; points?: unknown } | null | undefined
    const points = Number(next?.points ?? 0)
    const expiresOn = String(doc.get('nextExpiryOn'))
    return points > 0 ? [{ uid: doc.id, kind: 'points-expiring', params: { points, expiresOn }, dedupeKey: expiresOn }] : []
  })

  await each(members.where('tierReviewOn', '>=', today).where('tierReviewOn', '<=', addDays(today, 30)).orderBy('tierReviewOn'), (doc) => {
    const risk = tierAtRisk(pointsStateOf(doc.data() ?? {}), config, today)
    if (!risk) return []
    const yearEnds = String(doc.get('tierYearEnds') ?? risk.reviewOn)
    return [{ uid: doc.id, kind: 'tier-at-risk', params: { tierId: risk.tierId, missing: risk.missing, reviewOn: risk.reviewOn }, dedupeKey: `${risk.tierId}~${yearEnds}` }]
  })

  const horizon = Timestamp.fromMillis(now.getTime() + COUPON_EXPIRY_NOTICE_DAYS * 86_400_000)
  await each(
    db.collection(COLLECTIONS.coupons).where('status', '==', 'active').where('expiresAt', '>', Timestamp.fromDate(now)).where('expiresAt', '<=', horizon).orderBy('expiresAt'),
    (doc) => {
      const uid = doc.get('uid')
      return typeof uid === 'string' ? [{ uid, kind: 'reward-expiring', params: { couponCode: doc.id }, dedupeKey: doc.id }] : []
    },
  )

  // Events starting tomorrow (the club's day); the window is wide enough for any hour of the run.
  const tomorrow = addDays(today, 1)
  const events = await db
    .collection(COLLECTIONS.events)
    .where('startsAt', '>', Timestamp.fromDate(now))
    .where('startsAt', '<=', Timestamp.fromMillis(now.getTime() + 48 * 3_600_000))
    .get()
  for (const event of events.docs) {
    const startsAt = event.get('startsAt')
    if (event.get('status') !== 'published' || !(startsAt instanceof Timestamp) || localDate(startsAt.toDate(), config.timeZone) !== tomorrow) continue
    await each(db.collection(paths.eventAttendees(event.id)).where('status', '==', 'going').orderBy(FieldPath.documentId()), (doc) => [
      { uid: doc.id, kind: 'event-reminder', params: { eventId: event.id }, dedupeKey: event.id },
    ])
  }
  return stats
}
