import type { ClubConfig, Tier } from './club-config'

/** What the welcome gift pays a new member; zero means the club has none. */
export function welcomeGiftPoints(config: Pick<ClubConfig, 'welcomeGift'>): number {
  return config.welcomeGift.points
}

/**
 * Points for a purchase: the club rate times the tier multiplier and the partner's own
 * multiplier, rounded down so a member is never paid a fraction the ledger cannot hold.
 */
export function purchasePoints(
  amountShekels: number,
  config: Pick<ClubConfig, 'earning'>,
  tier: Pick<Tier, 'multiplier'>,
  partnerMultiplier = 1,
): number {
  if (!(amountShekels > 0)) return 0
  // Work in agorot to keep 0.1 + 0.2 style float error from costing a member a point.
  const agorot = Math.round(amountShekels * 100)
  const raw = (agorot * config.earning.pointsPerShekel * tier.multiplier * partnerMultiplier) / 100
  return Math.floor(raw + 1e-9)
}
