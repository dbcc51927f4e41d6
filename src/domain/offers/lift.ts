import { addDays, type LocalDate } from '../shared/calendar'
import { LIFT_DAYS, type OfferAssignment, type OfferGroup } from './offers'

/**
 * An offer's lift, measured honestly and simply: over the first 14 days from the offer's start,
 * the share of exposed members who bought and their spend per member, against the same for the
 * control group held out by hash. The purchase transaction counts into `offerStats` only purchases
 * of members already assigned to a group, inside the 14 days.
 */

/** `members/{uid}.offers`, read tolerantly. */
export function assignmentsOf(value: unknown): Record<string, OfferAssignment> {
  const out: Record<string, OfferAssignment> = {}
  if (typeof value !== 'object' || value === null) return out
  for (const [offerId, raw] of Object.entries(value as Record<string, unknown>)) {
    const { group, from } = (raw ?? {}) as { group?: unknown; from?: unknown }
    if ((group === 'exposed' || group === 'control') && typeof from === 'string') out[offerId] = { group, from }
  }
  return out
}

/** What one recorded purchase adds to an offer's stats. */
export interface LiftCount {
  offerId: string
  from: LocalDate
  group: OfferGroup
  /** The member's first purchase in the 14 days: counts them as a buyer. */
  firstInWindow: boolean
}

export function liftCounts(assignments: Record<string, OfferAssignment>, previousOn: LocalDate | null, today: LocalDate): LiftCount[] {
  return Object.entries(assignments)
    .filter(([, a]) => a.from <= today && today < addDays(a.from, LIFT_DAYS))
    .map(([offerId, a]) => ({ offerId, from: a.from, group: a.group, firstInWindow: previousOn === null || previousOn < a.from }))
}

export interface GroupStats {
  members: number
  buyers: number
  purchases: number
  spendShekels: number
}

export interface OfferLift {
  offerId: string
  from: LocalDate
  exposed: GroupStats
  control: GroupStats
  /** Share of members who bought, per group (null: an empty group). */
  exposedRate: number | null
  controlRate: number | null
  /** Exposed rate minus control rate, in percentage points (null when either is unknown). */
  rateLiftPoints: number | null
  exposedSpendPerMember: number | null
  controlSpendPerMember: number | null
  /** Whether the 14 days are over: until then the figures are still growing. */
  complete: boolean
}

const per = (value: number, members: number) => (members > 0 ? value / members : null)
const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100)

export function offerLift(offerId: string, from: LocalDate, exposed: GroupStats, control: GroupStats, today: LocalDate): OfferLift {
  const exposedRate = per(exposed.buyers, exposed.members)
  const controlRate = per(control.buyers, control.members)
  return {
    offerId,
    from,
    exposed,
    control,
    exposedRate: round2(exposedRate === null ? null : exposedRate * 100),
    controlRate: round2(controlRate === null ? null : controlRate * 100),
    rateLiftPoints: exposedRate === null || controlRate === null ? null : round2((exposedRate - controlRate) * 100),
    exposedSpendPerMember: round2(per(exposed.spendShekels, exposed.members)),
    controlSpendPerMember: round2(per(control.spendShekels, control.members)),
    complete: today >= addDays(from, LIFT_DAYS),
  }
}

/** One offer in the operator's report: whom it targets, whom it holds out, and its lift. */
export interface OfferReportRow {
  offerId: string
  title: { he: string; en: string }
  kind: string
  active: boolean
  holdOutPercent: number
  /** The season measured (its first day); null when no member was put in a group yet. */
  from: LocalDate | null
  /** Members put in a group for the season: exposed plus held out. */
  targeted: number
  heldOut: number
  lift: OfferLift | null
}
