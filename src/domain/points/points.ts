import { addMonths, endOfMonthAfter, monthOf, type LocalDate } from '../shared/calendar'
import type { ClubConfig } from '../shared/club-config'
import { effectiveBuckets, effectiveLotExpiry, effectiveTierYearEnds, type DutyPause } from '../earn/reserve-duty'
import type { LedgerSource } from './ledger'
import { addLot, consume, dueForExpiry, nextExpiry, type ExpiryBuckets, type LotSlice } from './lots'
import { addQualifying, qualifyingTotals, type QualifyingMonth, type QualifyingMonths } from './qualifying'
import { decideTier, type TierDecision } from './tiers'

/**
 * The points engine: pure state transitions that the functions apply inside one Firestore
 * transaction with the ledger entries they produce. Invariants: balance = open lots = sum of
 * the ledger; balance never below zero; what a refund cannot claw back becomes debt that later
 * earnings pay off first.
 */
export interface PointsState {
  balance: number
  lifetimePoints: number
  pointsDebt: number
  expiryBuckets: ExpiryBuckets
  qualifyingMonths: QualifyingMonths
  tierId: string
  tierYearEnds: LocalDate
  /**
   * Reserve duty that stops the clocks of expiry and the tier year (src/domain/earn/reserve-duty.ts).
   * Read from the member's duty summary, never written back as points state.
   */
  pauses?: readonly DutyPause[]
}

export type PointsPolicy = Pick<ClubConfig, 'tiers' | 'tierMeasure' | 'pointsExpiryMonths'>

/** Activity that counts toward tiers; gifts and corrections do not. */
export const QUALIFYING_SOURCES: readonly LedgerSource[] = ['purchase', 'check-in', 'activity']

export class InsufficientPoints extends Error {
  constructor(
    readonly needed: number,
    readonly balance: number,
  ) {
    super(`needs ${needed} points, has ${balance}`)
    this.name = 'InsufficientPoints'
  }
}

export function initialPoints(tierId: string, today: LocalDate): PointsState {
  return {
    balance: 0,
    lifetimePoints: 0,
    pointsDebt: 0,
    expiryBuckets: {},
    qualifyingMonths: {},
    tierId,
    tierYearEnds: addMonths(today, 12),
  }
}

export function lotExpiry(earnedOn: LocalDate, policy: Pick<PointsPolicy, 'pointsExpiryMonths'>): LocalDate {
  return endOfMonthAfter(earnedOn, policy.pointsExpiryMonths)
}

export function qualifyingAmount(state: PointsState, policy: PointsPolicy, today: LocalDate): number {
  const totals = qualifyingTotals(state.qualifyingMonths, monthOf(today))
  return policy.tierMeasure === 'spend' ? totals.spend : totals.points
}

export function reviewTier(state: PointsState, policy: PointsPolicy, today: LocalDate): { state: PointsState; tier: TierDecision } {
  const yearEnds = effectiveTierYearEnds(state.tierYearEnds, state.pauses ?? [])
  const decided = decideTier({ ...state, tierYearEnds: yearEnds }, qualifyingAmount(state, policy, today), policy.tiers, today, addMonths(today, 12))
  // A year that goes on keeps its stored end: duty is added on read, never stored into it.
  const tier = decided.change === null ? { ...decided, tierYearEnds: state.tierYearEnds } : decided
  return { state: { ...state, tierId: tier.tierId, tierYearEnds: tier.tierYearEnds }, tier }
}

export interface CreditResult {
  state: PointsState
  lot: LotSlice
  /** Debt paid off from this credit (a separate ledger entry). */
  recovered: { points: number; taken: LotSlice[] } | null
  tier: TierDecision
}

export function credit(
  state: PointsState,
  points: number,
  options: { earnedOn: LocalDate; today: LocalDate; qualifying?: QualifyingMonth },
  policy: PointsPolicy,
): CreditResult {
  // Zero is allowed: a purchase too small to earn still counts as spend toward the tier.
  if (!Number.isInteger(points) || points < 0) throw new Error(`a credit is a whole number ≥ 0, got ${points}`)
  const lot = { expiresOn: lotExpiry(options.earnedOn, policy), points }
  let next: PointsState = {
    ...state,
    balance: state.balance + points,
    lifetimePoints: state.lifetimePoints + points,
    expiryBuckets: addLot(state.expiryBuckets, lot.expiresOn, points),
  }
  if (options.qualifying) {
    next.qualifyingMonths = addQualifying(next.qualifyingMonths, monthOf(options.earnedOn), options.qualifying, monthOf(options.today))
  }
  let recovered: CreditResult['recovered'] = null
  const amount = Math.min(next.pointsDebt, next.balance)
  if (amount > 0) {
    const taken = consume(next.expiryBuckets, amount)
    next = { ...next, balance: next.balance - amount, pointsDebt: next.pointsDebt - amount, expiryBuckets: taken.buckets }
    recovered = { points: amount, taken: taken.taken }
  }
  const reviewed = reviewTier(next, policy, options.today)
  return { state: reviewed.state, lot, recovered, tier: reviewed.tier }
}

export interface DebitResult {
  state: PointsState
  taken: LotSlice[]
  /** Points that could not be taken (only when shortfall is allowed); added to the debt. */
  shortfall: number
}

export function debit(
  state: PointsState,
  points: number,
  options: { allowShortfall?: boolean; prefer?: LocalDate } = {},
): DebitResult {
  if (!Number.isInteger(points) || points < 0) throw new Error(`a debit is a whole number ≥ 0, got ${points}`)
  if (!options.allowShortfall && points > state.balance) throw new InsufficientPoints(points, state.balance)
  const taken = consume(state.expiryBuckets, Math.min(points, state.balance), options.prefer)
  const covered = points - Math.max(0, points - state.balance)
  const shortfall = points - covered
  return {
    state: {
      ...state,
      balance: state.balance - covered,
      pointsDebt: state.pointsDebt + shortfall,
      expiryBuckets: taken.buckets,
    },
    taken: taken.taken,
    shortfall,
  }
}

/** Takes back qualifying activity (a refunded purchase no longer counts toward the tier). */
export function withdrawQualifying(
  state: PointsState,
  month: string,
  amount: QualifyingMonth,
  today: LocalDate,
): PointsState {
  return {
    ...state,
    qualifyingMonths: addQualifying(state.qualifyingMonths, month, { points: -amount.points, spend: -amount.spend }, monthOf(today)),
  }
}

/**
 * Lots whose last valid day, after any reserve duty, is before `today` expire whole. `policy` is
 * read only for a state that carries duty (the lot's earning month bounds the duty it counts).
 */
export function expire(
  state: PointsState,
  today: LocalDate,
  policy: Pick<PointsPolicy, 'pointsExpiryMonths'> = { pointsExpiryMonths: 12 },
): { state: PointsState; expired: LotSlice[] } {
  const pauses = state.pauses ?? []
  const expired = dueForExpiry(state.expiryBuckets, today).filter(
    (slice) => effectiveLotExpiry(slice.expiresOn, pauses, policy.pointsExpiryMonths) < today,
  )
  if (expired.length === 0) return { state, expired }
  const buckets = { ...state.expiryBuckets }
  for (const slice of expired) delete buckets[slice.expiresOn]
  const points = expired.reduce((sum, slice) => sum + slice.points, 0)
  return { state: { ...state, balance: state.balance - points, expiryBuckets: buckets }, expired }
}

/** The figures the member document carries besides the raw state. */
export function pointsSummary(state: PointsState, policy: PointsPolicy, today: LocalDate) {
  const pauses = state.pauses ?? []
  // After reserve duty the effective days; without any, the lots' own days.
  const next = nextExpiry(effectiveBuckets(state.expiryBuckets, pauses, policy.pointsExpiryMonths))
  return {
    qualifying: qualifyingTotals(state.qualifyingMonths, monthOf(today)),
    nextExpiry: next,
    // A sortable field for the expiry job; members with nothing to expire sort last.
    nextExpiryOn: next?.expiresOn ?? '9999-12-31',
    tierReviewOn: effectiveTierYearEnds(state.tierYearEnds, pauses),
  }
}
