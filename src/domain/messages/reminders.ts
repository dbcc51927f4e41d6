import { addDays, monthOf, type LocalDate } from '../shared/calendar'
import { effectiveTierYearEnds } from '../earn/reserve-duty'
import type { PointsPolicy, PointsState } from '../points/points'
import { qualifyingTotals } from '../points/qualifying'
import { entryTier, findTier } from '../points/tiers'

/** Points are announced this many days before they expire: one reminder per expiry date. */
export const POINTS_EXPIRY_NOTICE_DAYS = 30
/** A coupon is announced this many days before it expires: one reminder per coupon. */
export const COUPON_EXPIRY_NOTICE_DAYS = 7
/** A tier that would be lost is announced this many days before the tier year ends, once per tier year. */
export const TIER_RISK_NOTICE_DAYS = 30

/** The last day within the points-expiry notice, counted from today (club days). */
export function pointsNoticeHorizon(today: LocalDate): LocalDate {
  return addDays(today, POINTS_EXPIRY_NOTICE_DAYS)
}

export interface TierRisk {
  tierId: string
  /** The day the tier year ends (after any reserve duty): the review the day after decides. */
  reviewOn: LocalDate
  /** Qualifying activity (points or shekels, by the club's measure) still missing to keep the tier. */
  missing: number
}

/**
 * Whether the tier year ends within the notice and the member would drop a tier at its review.
 * The qualifying activity is counted as the review will count it (the window ending in the review
 * month, so months that fall out of it by then no longer help). The entry tier cannot be lost.
 */
export function tierAtRisk(state: PointsState, policy: PointsPolicy, today: LocalDate): TierRisk | null {
  const reviewOn = effectiveTierYearEnds(state.tierYearEnds, state.pauses ?? [])
  if (reviewOn < today || reviewOn > addDays(today, TIER_RISK_NOTICE_DAYS)) return null
  const tier = findTier(state.tierId, policy.tiers)
  if (!tier || tier.threshold <= entryTier(policy.tiers).threshold) return null
  const totals = qualifyingTotals(state.qualifyingMonths, monthOf(addDays(reviewOn, 1)))
  const qualifying = policy.tierMeasure === 'spend' ? totals.spend : totals.points
  const missing = Math.round((tier.threshold - qualifying) * 100) / 100
  return missing > 0 ? { tierId: tier.id, reviewOn, missing } : null
}
