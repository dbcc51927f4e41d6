import type { LocalizedText } from '../shared/locale'
import type { LotSlice } from './lots'

/** Kinds of ledger entries; every change of a balance is exactly one of these. */
export const LEDGER_TYPES = ['earn', 'redeem', 'expire', 'adjust', 'reversal'] as const
export type LedgerType = (typeof LEDGER_TYPES)[number]

/** Where points came from or went. */
export const LEDGER_SOURCES = [
  'welcome',
  'purchase',
  'birthday',
  'activity',
  'check-in',
  'referral',
  'reward',
  'expiry',
  'admin',
  'survey',
  'review',
  'donation',
  'hunt',
  'eco',
  'streak',
  'event',
  'competition',
  'offer',
  'promo',
] as const
export type LedgerSource = (typeof LEDGER_SOURCES)[number]

/** Reason codes; the app has words for each (`history.reason.*`). */
export const LEDGER_REASONS = [
  'welcome_gift',
  'purchase',
  'purchase_refund',
  'birthday_gift',
  'activity',
  'reward_redemption',
  'points_expired',
  'admin_adjustment',
  'debt_recovery',
  'check_in',
  'visit_streak',
  'referral_welcome',
  'referral_reward',
  'referral_clawback',
  'survey',
  'review',
  'review_clawback',
  'donation',
  'hunt_clue',
  'hunt_finished',
  'eco_action',
  'week_streak',
  'event_attendance',
  'competition_prize',
  'second_purchase',
  'promo_code',
] as const
export type LedgerReason = (typeof LEDGER_REASONS)[number]

/** What the history screen filters by. */
export const LEDGER_CATEGORIES = ['earned', 'spent', 'expired', 'corrected'] as const
export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number]

export function categoryOf(type: LedgerType, points: number): LedgerCategory {
  if (type === 'earn') return 'earned'
  if (type === 'redeem') return 'spent'
  if (type === 'expire') return 'expired'
  return type === 'adjust' && points > 0 ? 'earned' : 'corrected'
}

export interface LedgerEntry {
  id: string
  type: LedgerType
  category: LedgerCategory
  /** Signed: positive for earn, negative for redeem and expire. */
  points: number
  source: LedgerSource
  reason: LedgerReason
  /** What the entry refers to: a receipt, a reward, an activity … */
  ref: string | null
  partnerId: string | null
  /** Who caused it: `system`, a staff uid or an admin uid. */
  by: string
  balanceAfter: number
  /** Lots created (credit) or consumed (debit), by expiry date. */
  lots: LotSlice[]
  /** Free text an operator wrote (adjustments). */
  note: string | null
  /** For redemptions: the reward's name when it was redeemed. */
  rewardName: LocalizedText | null
  /** For donations: the charity's name when the points were given. */
  charityName: LocalizedText | null
  createdAt: Date
}

/** Sum of the ledger, the number every balance must equal. */
export function ledgerSum(entries: readonly Pick<LedgerEntry, 'points'>[]): number {
  return entries.reduce((sum, entry) => sum + entry.points, 0)
}
