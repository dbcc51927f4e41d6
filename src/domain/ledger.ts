/** Kinds of ledger entries; every change of a balance is exactly one of these. */
export const LEDGER_TYPES = ['earn', 'redeem', 'expire', 'adjust', 'reversal'] as const
export type LedgerType = (typeof LEDGER_TYPES)[number]

/** Where points came from or went; the app explains each in words. */
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
] as const
export type LedgerSource = (typeof LEDGER_SOURCES)[number]

export interface LedgerEntry {
  id: string
  type: LedgerType
  /** Signed: positive for earn, negative for redeem and expire. */
  points: number
  source: LedgerSource
  /** Reason code the app turns into words, e.g. `welcome_gift`, `purchase`. */
  reason: string
  /** What the entry refers to: a receipt, a reward, a partner … */
  ref: string | null
  partnerId: string | null
  /** Who caused it: `system`, a staff uid or an admin uid. */
  by: string
  balanceAfter: number
  createdAt: Date
}

/** Sum of the ledger, the number every balance must equal. */
export function ledgerSum(entries: readonly Pick<LedgerEntry, 'points'>[]): number {
  return entries.reduce((sum, entry) => sum + entry.points, 0)
}
