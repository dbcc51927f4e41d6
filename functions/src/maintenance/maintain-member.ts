import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { localDate } from '../../../src/domain/shared/calendar'
import { RewardSchema, type ClubConfig } from '../../../src/domain/shared/club-config'
import { birthdayDecision } from '../../../src/domain/members/birthday'
import { generateCouponCode } from '../../../src/domain/points/coupon-code'
import { expire, reviewTier } from '../../../src/domain/points/points'
import { effectiveTierYearEnds } from '../../../src/domain/earn/reserve-duty'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { planCredit } from '../ledger/award'
import { cryptoRandom } from '../lib/random'
import { birthdayOf } from '../members/birthday'
import { activeCouponsAfter } from '../rewards/coupon-count'
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

/** A birthday gift given: what it was and the gift year it was for. */
export interface BirthdayGiftOutcome {
  kind: 'points' | 'coupon'
  giftYear: number
  points: number
  couponCode: string | null
}

/**
 * The birthday gift, once per gift year, in the birthday's window (src/domain/members/birthday.ts):
 * points through the ledger, or a coupon issued like a redemption without points. A marker
 * (`birthdayGifts/{uid~year}`) and, for points, the ledger entry are created in the same
 * transaction as the gift, so reruns and parallel runs give it once. Every outcome moves the
 * member's `birthdayGiftOn` to its next window, so the job's query drops them.
 */
export async function giveBirthdayGift(
  db: Firestore,
  uid: string,
  config: ClubConfig,
  now: Date,
  random: () => number = cryptoRandom,
): Promise<BirthdayGiftOutcome | null> {
  const gift = config.earning.birthdayGift
  const today = localDate(now, config.timeZone)
  const memberRef = db.doc(paths.member(uid))
  const peek = birthdayOf(await memberRef.get(), config.timeZone)
  const due = peek ? birthdayDecision(peek.profile, gift.window, peek.setOn, today).due : null
  if (!due) {
    await db.runTransaction(async (tx) => {
      const member = await tx.get(memberRef)
      const giftOn = member.get('birthdayGiftOn')
      if (!member.exists || typeof giftOn !== 'string' || giftOn > today) return
      const birthday = birthdayOf(member, config.timeZone)
      const decision = birthday ? birthdayDecision(birthday.profile, gift.window, birthday.setOn, today) : null
      // Due after all (corrected meanwhile): the next run gives it.
      if (decision?.due) return
      tx.update(memberRef, { birthdayGiftOn: decision?.nextOn ?? null })
    })
    return null
  }

  const markerRef = db.doc(paths.birthdayGift(uid, due.giftYear))
  return runLedgerOperation<BirthdayGiftOutcome | null>(db, {
    uid,
    key: LEDGER_IDS.birthday(due.giftYear),
    config,
    asOf: now,
    plan: async (ctx) => {
      const birthday = birthdayOf(ctx.member, config.timeZone)
      const decision = birthday ? birthdayDecision(birthday.profile, gift.window, birthday.setOn, ctx.today) : null
      // The birthday changed since the peek: nothing now, the next run decides afresh.
      if (decision?.due?.giftYear !== due.giftYear) return { state: ctx.state, entries: [], result: null }
      const schedule = { birthdayGiftOn: decision.nextOn }
      const [marker, reward] = await Promise.all([
        ctx.tx.get(markerRef),
        gift.rewardId ? ctx.tx.get(db.doc(paths.reward(gift.rewardId))) : Promise.resolve(null),
      ])
      if (marker.exists) return { state: ctx.state, entries: [], memberFields: schedule, result: null }
      const record = (outcome: BirthdayGiftOutcome) => ({
        uid,
        ...outcome,
        occursOn: due.occursOn,
        givenAt: Timestamp.fromDate(ctx.now),
      })
      const giftFields = { ...schedule, birthdayGiftYear: Number(due.occursOn.slice(0, 4)) }

      const parsed = reward?.exists ? RewardSchema.safeParse(reward.data()) : null
      const offered = parsed?.success && parsed.data.active && parsed.data.stock !== 0 ? parsed.data : null
      if (offered) {
        let couponRef = db.doc(paths.coupon(generateCouponCode(random)))
        while ((await ctx.tx.get(couponRef)).exists) couponRef = db.doc(paths.coupon(generateCouponCode(random)))
        const activeCoupons = await activeCouponsAfter(ctx.tx, db, ctx.member, 1)
        const expiresAt = new Date(ctx.now.getTime() + ctx.config.couponValidityDays * 86_400_000)
        const outcome: BirthdayGiftOutcome = { kind: 'coupon', giftYear: due.giftYear, points: 0, couponCode: couponRef.id }
        return {
          state: ctx.state,
          entries: [],
          writes: (tx) => {
            if (offered.stock !== null) tx.update(db.doc(paths.reward(offered.id)), { stock: offered.stock - 1 })
            tx.create(couponRef, {
              code: couponRef.id,
              uid,
              memberNo: ctx.member.get('memberNo'),
              rewardId: offered.id,
              name: offered.name,
              kind: offered.kind,
              valueShekels: offered.valueShekels,
              partnerId: offered.partnerId,
              cost: 0,
              status: 'active',
              // A gift, not a redemption: no ledger entry paid for it.
              redemptionEntryId: null,
              gift: 'birthday',
              issuedAt: Timestamp.fromDate(ctx.now),
              expiresAt: Timestamp.fromDate(expiresAt),
              usedAt: null,
              usedAtPartner: null,
            })
            tx.create(markerRef, record(outcome))
          },
          memberFields: { ...giftFields, activeCoupons },
          result: outcome,
        }
      }
      // A reward that is gone or sold out falls back to the points, so the member is not forgotten.
      if (gift.points <= 0) return { state: ctx.state, entries: [], memberFields: schedule, result: null }
      const outcome: BirthdayGiftOutcome = { kind: 'points', giftYear: due.giftYear, points: gift.points, couponCode: null }
      const credited = planCredit(ctx, {
        key: LEDGER_IDS.birthday(due.giftYear),
        points: gift.points,
        source: 'birthday',
        reason: 'birthday_gift',
        ref: String(due.giftYear),
        by: 'system',
      })
      return { ...credited, writes: (tx) => tx.create(markerRef, record(outcome)), memberFields: giftFields, result: outcome }
    },
    // Paid before (by an earlier run, or before the marker existed): only move the schedule on.
    replay: (_entry, ctx) => {
      const birthday = birthdayOf(ctx.member, config.timeZone)
      const decision = birthday ? birthdayDecision(birthday.profile, gift.window, birthday.setOn, ctx.today) : null
      if (decision?.due?.giftYear === due.giftYear) ctx.tx.update(memberRef, { birthdayGiftOn: decision.nextOn })
      return null
    },
  })
}
