// Dana's inbox beyond her tier and latest purchase: the pinned announcement, a reminder of the
// workshop she RSVPed to and of her coupon nearest its expiry, through the dispatcher under the
// producers' own keys (so a producer that sees the same thing later adds nothing).
import type { Firestore } from 'firebase-admin/firestore'
import { decideDelivery } from '../src/domain/messages/delivery'
import { DEFAULT_MESSAGE_PREFS } from '../src/domain/messages/prefs'
import type { ClubConfig } from '../src/domain/shared/club-config'
import { COLLECTIONS } from '../src/domain/shared/paths'
import { dispatchMessage } from '../functions/src/messages/dispatch'
import { LATTE_EVENT_ID } from './demo-events'

const HOUR = 3_600_000

/** The first hour from `from` (up to `until`) at which a promotion goes out under the default limits. */
function deliverableFrom(from: Date, until: Date, config: ClubConfig): Date {
  for (let at = from.getTime(); at <= until.getTime(); at += HOUR) {
    const moment = new Date(at)
    if (decideDelivery({ kind: 'club-news', prefs: DEFAULT_MESSAGE_PREFS, now: moment, timeZone: config.timeZone, sentThisWeek: 0 }).deliver) return moment
  }
  return from
}

export async function seedDemoMessages(db: Firestore, config: ClubConfig, now: Date, uid = 'demo-dana'): Promise<void> {
  const [announcement] = (await db.collection(COLLECTIONS.posts).where('kind', '==', 'announcement').where('pinned', '==', true).limit(1).get()).docs
  if (announcement) {
    const postedAt = (announcement.get('createdAt') as { toDate: () => Date }).toDate()
    await dispatchMessage(db, { uid, kind: 'club-news', params: { postId: announcement.id }, dedupeKey: announcement.id, at: deliverableFrom(postedAt, now, config) })
  }
  await dispatchMessage(db, { uid, kind: 'event-reminder', params: { eventId: LATTE_EVENT_ID }, dedupeKey: LATTE_EVENT_ID, at: now })
  const coupons = await db.collection(COLLECTIONS.coupons).where('uid', '==', uid).where('status', '==', 'active').get()
  const [soonest] = coupons.docs.sort((a, b) => a.get('expiresAt').toMillis() - b.get('expiresAt').toMillis())
  if (soonest) await dispatchMessage(db, { uid, kind: 'reward-expiring', params: { couponCode: soonest.id }, dedupeKey: soonest.id, at: now })
}
