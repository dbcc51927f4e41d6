import type { Reward, Tier } from '../shared/club-config'
import type { LocalizedText } from '../shared/locale'
import { findTier } from './tiers'

export type Redeemability = 'ok' | 'inactive' | 'tier' | 'out-of-stock' | 'points'

/** Whether a member can redeem a reward now, and if not, why (the app says it in words). */
export function redeemability(
  reward: Pick<Reward, 'active' | 'tierIds' | 'stock' | 'cost'>,
  member: { tierId: string; balance: number },
): Redeemability {
  if (!reward.active) return 'inactive'
  if (reward.tierIds.length > 0 && !reward.tierIds.includes(member.tierId)) return 'tier'
  if (reward.stock !== null && reward.stock <= 0) return 'out-of-stock'
  if (member.balance < reward.cost) return 'points'
  return 'ok'
}

/** The lowest tier that may redeem a tier-exclusive reward, for "Gold and above". */
export function lowestEligibleTier(reward: Pick<Reward, 'tierIds'>, tiers: readonly Tier[]): Tier | null {
  const eligible = reward.tierIds.map((id) => findTier(id, tiers)).filter((t): t is Tier => t !== undefined)
  return eligible.sort((a, b) => a.threshold - b.threshold)[0] ?? null
}

/** A coupon a redemption issued, as the member's app shows it. */
export interface Coupon {
  code: string
  rewardId: string
  name: LocalizedText
  kind: 'item' | 'voucher'
  valueShekels: number | null
  partnerId: string | null
  /** `expired` once the nightly job marked it; an active coupon past its expiry is expired too. */
  status: 'active' | 'used' | 'expired'
  issuedAt: Date
  expiresAt: Date
  usedAt: Date | null
}
