import type { Tier } from '../shared/club-config'

/** The highest tier whose threshold the qualifying amount reaches (tiers ordered upwards). */
export function tierFor(qualifying: number, tiers: readonly Tier[]): Tier {
  const [entry] = tiers
  if (!entry) throw new Error('a club needs at least one tier')
  let current = entry
  for (const tier of tiers) if (qualifying >= tier.threshold) current = tier
  return current
}

export function entryTier(tiers: readonly Tier[]): Tier {
  return tierFor(0, tiers)
}

export function findTier(tierId: string, tiers: readonly Tier[]): Tier | undefined {
  return tiers.find((tier) => tier.id === tierId)
}

export interface TierProgress {
  current: Tier
  next: Tier | null
  /** Qualifying amount still missing for the next tier (0 at the top). */
  remaining: number
  /** 0..1 through the band between the current and next thresholds. */
  fraction: number
}

/**
 * Progress is measured from the member's *current* tier, which may sit above what the
 * qualifying amount alone gives (tiers are not lowered mid-period).
 */
export function progressToNextTier(
  qualifying: number,
  currentTierId: string,
  tiers: readonly Tier[],
): TierProgress {
  const current = findTier(currentTierId, tiers) ?? tierFor(qualifying, tiers)
  const next = tiers.find((tier) => tier.threshold > current.threshold) ?? null
  if (!next) return { current, next: null, remaining: 0, fraction: 1 }
  const remaining = Math.max(0, next.threshold - qualifying)
  const band = next.threshold - current.threshold
  const fraction = Math.min(1, Math.max(0, (qualifying - current.threshold) / band))
  return { current, next, remaining, fraction }
}

export interface TierState {
  tierId: string
  /** Last day of the member's tier year; no downgrade before it passes. */
  tierYearEnds: string
}

export interface TierDecision extends TierState {
  change: 'up' | 'down' | 'renewed' | null
}

/**
 * Upgrades at once (a new tier year starts), never downgrades before the tier year ends, and at
 * the end of the year settles on what the qualifying amount earns (renewing the same tier
 * counts as a new year too).
 */
export function decideTier(
  state: TierState,
  qualifying: number,
  tiers: readonly Tier[],
  today: string,
  nextYearEnds: string,
): TierDecision {
  const earned = tierFor(qualifying, tiers)
  const current = findTier(state.tierId, tiers) ?? entryTier(tiers)
  if (earned.threshold > current.threshold) return { tierId: earned.id, tierYearEnds: nextYearEnds, change: 'up' }
  if (today <= state.tierYearEnds) return { tierId: current.id, tierYearEnds: state.tierYearEnds, change: null }
  if (earned.threshold < current.threshold) return { tierId: earned.id, tierYearEnds: nextYearEnds, change: 'down' }
  return { tierId: current.id, tierYearEnds: nextYearEnds, change: 'renewed' }
}

/** How much more qualifying activity keeps the current tier at the end of the tier year. */
export function toKeepTier(qualifying: number, currentTierId: string, tiers: readonly Tier[]): number {
  const current = findTier(currentTierId, tiers)
  return current ? Math.max(0, current.threshold - qualifying) : 0
}

/** A tier lent for a while (a referral reward): its earn rate and its rewards until `until`. */
export interface TierBoost {
  tierId: string
  until: string
}

/**
 * The tier whose benefits apply today: the member's own, or a boosted higher one that has not
 * ended yet (`until` is the last day).
 */
export function effectiveTier(
  tierId: string,
  boost: TierBoost | null | undefined,
  tiers: readonly Tier[],
  today: string,
): Tier {
  const held = findTier(tierId, tiers) ?? entryTier(tiers)
  const lent = boost && boost.until >= today ? findTier(boost.tierId, tiers) : undefined
  return lent && lent.threshold > held.threshold ? lent : held
}
