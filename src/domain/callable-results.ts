import type { LocalizedText } from './locale'

/** What the points callables answer; the app and the functions share these shapes. */
export interface PurchaseResult {
  points: number
  balance: number
  firstName: string
  tierId: string
  replayed: boolean
}

export interface ReversalResult {
  reversedPoints: number
  /** Points already spent that could not be taken back; the member owes them (pointsDebt). */
  shortfall: number
  balance: number
  replayed: boolean
}

export interface RedeemResult {
  code: string
  rewardId: string
  expiresAt: string
  balance: number
  replayed: boolean
}

export interface UseCouponResult {
  code: string
  rewardId: string
  name: LocalizedText
  kind: 'item' | 'voucher'
  valueShekels: number | null
  memberNo: string
  replayed: boolean
}
