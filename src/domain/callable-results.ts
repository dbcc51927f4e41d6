import type { LocalizedText } from './locale'

/** What the points callables answer; the app and the functions share these shapes. */
export interface PurchaseResult {
  points: number
  balance: number
  firstName: string
  tierId: string
  replayed: boolean
}

export interface MemberAtTill {
  memberNo: string
  firstName: string
  tierId: string
}

export interface CheckInResult {
  partnerId: string
  points: number
  /** Already scanned in at this partner today: nothing paid this time. */
  alreadyToday: boolean
  /** Different partners visited this month, and the goal for the streak bonus. */
  visitsThisMonth: number
  streakGoal: number
  streakBonus: number
  balance: number
}

export interface CardKeyResult {
  key: string
  version: number
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
