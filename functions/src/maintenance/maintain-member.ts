import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { birthdayKeysFor, localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { expire, reviewTier } from '../../../src/domain/points/points'
import { effectiveTierYearEnds } from '../../../src/domain/earn/reserve-duty'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { awardPoints } from '../ledger/award'
import { pointsFields, pointsStateOf } from '../ledger/member-state'
import { runLedgerOperation } from '../ledger/transaction'

export interface MaintenanceOutcome {
  expiredPoints: number
  tierChange: 'up' | 'down' | 'renewed' | null
  birthdayGift: number
}

/** Expires whole lots past their last day, one entry per expiry date (ids make reruns harmless). */
export async function expireDueLots(db: Firestore, uid: string, config: ClubConfig, now: Date): Promise<number> {
  const today = localDate(now, config.timeZone)
  const member = await db.doc(paths.member(uid)).get()
  const due = expire(pointsStateOf(member.data() ?? {}), today, config).expired
  const [first] = due
  if (!first) return 0
  return runLedgerOperation(db, {
    uid,
    key: LEDGER_IDS.expiry(first.expiresOn),
    config,
    asOf: now,
    plan: (ctx) => {
      const result = expire(ctx.state, ctx.today, ctx.config)
      return {
        state: result.state,
        entries: result.expired.map((slice) => ({
          id: LEDGER_IDS.expiry(slice.expiresOn),
          type: 'expire' as const,
          points: -slice.points,
          source: 'expiry' as const,
          reason: 'points_expired' as const,
          ref: slice.expiresOn,
          by: 'system',
          lots: [slice],
        })),
        result: result.expired.reduce((sum, slice) => sum + slice.points, 0),
      }
    },
    replay: () => 0,
  })
}

/** At the end of the tier year: keep, renew or lower the tier by the qualifying activity. */
export async function reviewMemberTier(db: Firestore, uid: string, config: ClubConfig, now: Date) {
  const ref = db.doc(paths.member(uid))
  return db.runTransaction(async (tx) => {
    const member = await tx.get(ref)
    if (!member.exists) return null
    const today = localDate(now, config.timeZone)
    const state = pointsStateOf(member.data() ?? {})
    if (effectiveTierYearEnds(state.tierYearEnds, state.pauses ?? []) >= today) return null
    const reviewed = reviewTier(state, config, today)
    tx.update(ref, {
      ...pointsFields(reviewed.state, config, today),
      ...(reviewed.tier.change === 'down' ? { tierSince: Timestamp.fromDate(now) } : {}),
      updatedAt: Timestamp.fromDate(now),
    })
    return reviewed.tier.change
  })
}

/** The birthday gift, once a year, on the member's birthday in the club's calendar. */
export async function giveBirthdayGift(db: Firestore, uid: string, config: ClubConfig, now: Date): Promise<number> {
  const today = localDate(now, config.timeZone)
  const year = Number(today.slice(0, 4))
  const member = await db.doc(paths.member(uid)).get()
  const key = member.get('birthdayKey')
  if (!birthdayKeysFor(today).includes(key) || Number(member.get('birthdayGiftYear') ?? 0) >= year) return 0
  const points = config.earning.birthdayGift.points
  if (points <= 0) return 0
  const result = await awardPoints(db, {
    uid,
    config,
    asOf: now,
    spec: { key: LEDGER_IDS.birthday(year), points, source: 'birthday', reason: 'birthday_gift', by: 'system' },
    memberFields: { birthdayGiftYear: year },
  })
  return result.replayed ? 0 : points
}
