import { Timestamp, type Firestore, type Query } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions/v2'
import { localDate } from '../../../src/domain/shared/calendar'
import type { MaintenanceStats } from '../../../src/domain/contracts/callable-results'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { COLLECTIONS, idOf } from '../../../src/domain/shared/paths'
import { expireCoupon } from '../rewards/coupon-count'
import { dispatchMessage } from '../messages/dispatch'
import { resumeClubNews } from '../messages/club-news'
import { sendReminders } from '../messages/reminders'
import { expireDueLots, giveBirthdayGift, reviewMemberTier } from './maintain-member'
import { removeStalePhotos } from './stale-photos'
import { scheduleStoredBirthday } from '../members/birthday'
import { loadPlans, maintainMemberPlan } from '../members/plans/plan-maintenance'

export type { MaintenanceStats }

export interface MaintenanceOptions {
  pageSize?: number
  concurrency?: number
  budgetMs?: number
}

/**
 * The nightly job: expiry, tier-year reviews and birthday gifts, plan reminders and expiries,
 * coupons past their expiry, then photos never attached. Each part pages through the members (or
 * coupons, or photos) it concerns with a bounded query; a processed member drops out of its query
 * (its next expiry, review date, birthday window or plan date moves on, its coupon is no longer
 * active), so a run that stops early is resumed by the next, and running twice does no more than
 * running once.
 */
export async function runMaintenance(
  db: Firestore,
  config: ClubConfig,
  now: Date,
  options: MaintenanceOptions = {},
): Promise<MaintenanceStats> {
  const pageSize = options.pageSize ?? 200
  const concurrency = options.concurrency ?? 8
  const deadline = Date.now() + (options.budgetMs ?? 8 * 60_000)
  const today = localDate(now, config.timeZone)
  const members = db.collection(COLLECTIONS.members)
  const stats: MaintenanceStats = {
    asOf: now.toISOString(),
    expiredMembers: 0,
    expiredPoints: 0,
    tierReviews: 0,
    birthdayGifts: 0,
    photosRemoved: 0,
    expiredCoupons: 0,
    planFallbacks: 0,
    planReminders: 0,
    reminders: 0,
    failures: 0,
    pages: 0,
    complete: true,
  }

  async function drain(query: Query, work: (uid: string) => Promise<void>) {
    const seen = new Set<string>()
    while (Date.now() < deadline) {
      const page = await query.limit(pageSize).get()
      stats.pages += 1
      const fresh = page.docs.map((doc) => doc.id).filter((uid) => !seen.has(uid))
      if (fresh.length === 0) return
      for (let i = 0; i < fresh.length; i += concurrency) {
        await Promise.all(
          fresh.slice(i, i + concurrency).map(async (uid) => {
            seen.add(uid)
            try {
              await work(uid)
            } catch (error) {
              stats.failures += 1
              logger.error('maintenance failed for a member', { uid, error: String(error) })
            }
          }),
        )
      }
      if (page.size < pageSize) return
    }
    stats.complete = false
  }

  await drain(members.where('nextExpiryOn', '<', today).orderBy('nextExpiryOn'), async (uid) => {
    const points = await expireDueLots(db, uid, config, now)
    if (points > 0) {
      stats.expiredMembers += 1
      stats.expiredPoints += points
    }
  })
  await drain(members.where('tierReviewOn', '<', today).orderBy('tierReviewOn'), async (uid) => {
    if (await reviewMemberTier(db, uid, config, now)) stats.tierReviews += 1
  })
  await drain(members.where('birthdayKey', '>=', '').orderBy('birthdayKey'), async (uid) => {
    await scheduleStoredBirthday(db, uid, config, now)
  })
  // Every member looked at here moves `birthdayGiftOn` to their next window, gift or not.
  await drain(members.where('birthdayGiftOn', '<=', today).orderBy('birthdayGiftOn'), async (uid) => {
    const gift = await giveBirthdayGift(db, uid, config, now)
    if (!gift) return
    stats.birthdayGifts += 1
    // After the gift's transaction: the greeting is told once per gift year by its key, and the
    // gift stands even if the inbox fails.
    try {
      await dispatchMessage(db, {
        uid,
        kind: 'birthday',
        params: { giftYear: gift.giftYear, gift: gift.kind, points: gift.points },
        dedupeKey: idOf('birthday', uid, gift.giftYear),
        at: now,
      })
    } catch (error) {
      stats.failures += 1
      logger.error('birthday greeting failed', { uid, error: String(error) })
    }
  })
  // A member drops out once `planCheckOn` moves to their plan's next reminder or past its end.
  const plans = await loadPlans(db)
  await drain(members.where('planCheckOn', '<=', today).orderBy('planCheckOn'), async (uid) => {
    const outcome = await maintainMemberPlan(db, uid, plans, config, now)
    if (outcome.fellBack) stats.planFallbacks += 1
    if (outcome.reminded) stats.planReminders += 1
  })
  // Before coupons are expired, so a coupon's last days are still told.
  const reminders = await sendReminders(db, config, now, { pageSize, concurrency, deadline })
  stats.reminders += reminders.sent
  stats.failures += reminders.failures
  if (!reminders.complete) stats.complete = false
  if (Date.now() < deadline) await resumeClubNews(db, { budgetMs: Math.max(0, deadline - Date.now()), pageSize, concurrency })
  // An expired coupon drops out of its query once marked, so paging resumes like the others.
  await drain(
    db.collection(COLLECTIONS.coupons).where('status', '==', 'active').where('expiresAt', '<=', Timestamp.fromDate(now)).orderBy('expiresAt'),
    async (code) => {
      if (await expireCoupon(db, code, now)) stats.expiredCoupons += 1
    },
  )
  await removeStalePhotos(db, now, { pageSize, deadline }, stats)
  logger.info('maintenance run', stats)
  return stats
}
