import type { LocalizedText } from '../shared/locale'

/** What the points callables answer; the app and the functions share these shapes. */
/**
 * What the till is told about a purchase: only what it must show. Never the member's balance.
 * `pending`: above the club's review threshold; the points wait for an operator's approval.
 */
export interface PurchaseResult {
  status: 'recorded' | 'pending'
  points: number
  /** First name and the initial of the last name ("Dana K."). */
  displayName: string
  tierId: string
  replayed: boolean
}

export interface MemberAtTill {
  memberNo: string
  displayName: string
  tierId: string
}

export interface ReviewPurchaseResult {
  status: 'recorded' | 'refused'
  points: number
  replayed: boolean
}

export interface ReviewReferralResult {
  /** `qualified`: both sides were paid; `refused`: neither is. */
  status: 'qualified' | 'refused'
  replayed: boolean
}

export interface CheckInResult {
  partnerId: string
  points: number
  /** A visit at this partner was already recorded today (another scan): nothing paid this time. */
  alreadyToday: boolean
  /** Different partners visited this month, and the goal for the streak bonus. */
  visitsThisMonth: number
  streakGoal: number
  streakBonus: number
  balance: number
  /** A retry of a visit already recorded: the same answer as the first time, nothing paid again. */
  replayed: boolean
}

/** A counter device's key for the partner's rotating visit code (staff of that partner, operators). */
export interface CounterKeyResult {
  partnerId: string
  key: string
  stepSeconds: number
}

/** A partner's current printed visit code. */
export interface PosterCodeResult {
  partnerId: string
  code: string
  version: number
}

export interface CardKeyResult {
  key: string
  version: number
}

export interface ReversalResult {
  /** Everything the purchase earned. */
  reversedPoints: number
  receiptId: string
  amountShekels: number
  /** First name and initial, as the till names the customer. */
  displayName: string
  /**
   * Points already spent that could not be taken back (the member owes them, pointsDebt), and the
   * balance after: operators only — the till never learns a member's balance.
   */
  shortfall?: number
  balance?: number
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

/** What the nightly job did (`runMaintenance` answers it; the scheduled run logs it). */
export interface MaintenanceStats {
  asOf: string
  expiredMembers: number
  expiredPoints: number
  tierReviews: number
  birthdayGifts: number
  /** Photos uploaded but never attached, deleted after a day. */
  photosRemoved: number
  /** Coupons past their expiry marked expired (and taken off their member's count). */
  expiredCoupons: number
  /** Paid plans past their last day moved to the free plan (points untouched). */
  planFallbacks: number
  /** Renewal reminders sent for plans nearing their end. */
  planReminders: number
  /** Inbox reminders told (points or a coupon expiring, a tier at risk, an event tomorrow); held-back ones are logged, not counted. */
  reminders: number
  failures: number
  pages: number
  /** False when the time budget ran out; the next run continues where this one stopped. */
  complete: boolean
}

/** A plain award (an activity such as the complete profile). */
export interface AwardResult {
  points: number
  balance: number
  replayed: boolean
}

export interface AdjustResult {
  balance: number
  replayed: boolean
}
