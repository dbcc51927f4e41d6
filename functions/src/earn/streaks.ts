import type { Firestore } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions'
import { localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { applyVisit, streaksOf, weekOf, type MemberStreaks } from '../../../src/domain/earn/streaks'
import { LEDGER_IDS } from '../../../src/domain/shared/paths'
import { planCredit } from '../ledger/award'
import { runLedgerOperation } from '../ledger/transaction'
import { grantBadges } from './badges'

export interface StreakUpdate {
  streaks: MemberStreaks
  weekCounted: boolean
  /** Points paid for a milestone this visit reached (0 when none). */
  milestonePoints: number
}

/**
 * Moves the member's streaks on for a verified visit at `at` (a recorded purchase's scan time or
 * a paid scan-in). One transaction reads the streak and writes it with any milestone payment, so
 * a replayed visit, or twenty at once, count a week once and pay a milestone once: whichever
 * commits first moves `last` to this week and the others find it counted. The milestone's entry
 * id (streak start + length) is a second guard.
 */
export async function recordStreakVisit(
  db: Firestore,
  uid: string,
  config: ClubConfig,
  at: Date,
  /** Seeding a history: stamp a milestone entry at the visit, so the ledger's order stays the order of events. */
  options: { backdate?: boolean } = {},
): Promise<StreakUpdate> {
  const policy = config.streaks
  const week = weekOf(localDate(at, config.timeZone))
  const update = await runLedgerOperation<StreakUpdate>(db, {
    uid,
    key: LEDGER_IDS.weekStreakVisit(week),
    config,
    asOf: at,
    at: options.backdate ? at : undefined,
    plan: (ctx) => {
      const visit = applyVisit(streaksOf(ctx.member.get('streak')), at, config.timeZone, policy, ctx.state.pauses ?? [])
      const unchanged = !visit.weekly.counted && !visit.daily?.counted
      if (unchanged) return { state: ctx.state, entries: [], result: { streaks: visit.streaks, weekCounted: false, milestonePoints: 0 } }
      const milestone = visit.milestone && visit.milestone.points > 0 ? visit.milestone : null
      const planned = milestone
        ? planCredit(ctx, {
            key: LEDGER_IDS.weekStreak(visit.streaks.weekly.start ?? week, milestone.weeks),
            points: milestone.points,
            source: 'streak',
            reason: 'week_streak',
            ref: String(milestone.weeks),
            by: 'system',
          })
        : { state: ctx.state, entries: [] }
      return {
        ...planned,
        memberFields: { streak: visit.streaks },
        result: { streaks: visit.streaks, weekCounted: visit.weekly.counted, milestonePoints: milestone?.points ?? 0 },
      }
    },
    replay: (_entry, ctx) => ({ streaks: streaksOf(ctx.member.get('streak')), weekCounted: false, milestonePoints: 0 }),
  })
  if (update.weekCounted) await grantBadges(db, uid, { streakWeeks: update.streaks.weekly.count }, options.backdate ? at : undefined)
  return update
}

/**
 * After a purchase or a visit, like the badges: never failing the operation that called it. A
 * week missed here is counted by the member's next verified visit in the same week.
 */
export async function recordStreakAfterVisit(db: Firestore, uid: string, config: ClubConfig, at: Date): Promise<StreakUpdate | null> {
  try {
    return await recordStreakVisit(db, uid, config, at)
  } catch (error) {
    logger.error('streak not updated', { uid, error: String(error) })
    return null
  }
}
