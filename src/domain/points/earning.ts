import type { LocalDate, LocalMonth } from '../shared/calendar'
import type { ActivityRule, ClubConfig, Tier } from '../shared/club-config'

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
  config: Pick<ClubConfig, 'earning'> | { earning: { pointsPerShekel: number } },
  tier: Pick<Tier, 'multiplier'>,
  partnerMultiplier = 1,
): number {
  if (!(amountShekels > 0)) return 0
  // Work in agorot to keep float error (1.15 × 100 = 114.999…) from costing a member a point.
  const agorot = Math.round(amountShekels * 100)
  const raw = (agorot * config.earning.pointsPerShekel * tier.multiplier * partnerMultiplier) / 100
  return Math.floor(raw + 1e-9)
}

/** How often a member has used an earning rule, kept per rule on the server. */
export interface RuleUsage {
  day: LocalDate
  dayCount: number
  month: LocalMonth
  monthCount: number
  total: number
}

export type CapRefusal = 'once' | 'per-day' | 'per-month'

/** Whether the rule may pay again today, and the usage after paying. */
export function checkCaps(
  rule: Pick<ActivityRule, 'once' | 'perDay' | 'perMonth'>,
  usage: RuleUsage | null,
  today: LocalDate,
): { ok: true; next: RuleUsage } | { ok: false; reason: CapRefusal } {
  const month = today.slice(0, 7)
  const dayCount = usage && usage.day === today ? usage.dayCount : 0
  const monthCount = usage && usage.month === month ? usage.monthCount : 0
  const total = usage?.total ?? 0
  if (rule.once && total > 0) return { ok: false, reason: 'once' }
  if (rule.perDay !== null && dayCount >= rule.perDay) return { ok: false, reason: 'per-day' }
  if (rule.perMonth !== null && monthCount >= rule.perMonth) return { ok: false, reason: 'per-month' }
  return { ok: true, next: { day: today, dayCount: dayCount + 1, month, monthCount: monthCount + 1, total: total + 1 } }
}
