import type { Locale } from './locale'

/** The member as the app and the functions see it (Firestore timestamps become Dates). */
export interface Member {
  uid: string
  memberNo: string
  name: string
  email: string | null
  birthday: string | null
  interests: string[]
  language: Locale
  consents: { marketing: boolean }
  preferences: Record<string, unknown>
  tierId: string
  /** Last day of the tier year: no downgrade before it. */
  tierYearEnds: string
  balance: number
  lifetimePoints: number
  /** Points owed after a refund of already-spent points; paid from the next earnings. */
  pointsDebt: number
  /** Qualifying activity per month (the tier window is computed from these and today). */
  qualifyingMonths: Record<string, { points: number; spend: number }>
  /** Open points by the day they expire (at most about 13 entries). */
  expiryBuckets: Record<string, number>
  /** A higher tier lent for a while (a referral reward). */
  tierBoost: { tierId: string; until: string } | null
  /** Changes when the card key is rotated: other devices fetch the new key. */
  cardKeyVersion: number
  referralCode: string
  referredBy: string | null
  /** The referral dashboard's figures, kept by the server. */
  referralStats: { opened: number; joined: number; qualified: number; pointsEarned: number }
  joinedAt: Date
  updatedAt: Date
}

/**
 * The only member fields a member may change from the app; everything else (points, tier,
 * member number, referral data) is written by Cloud Functions alone. firestore.rules holds the
 * same list; the rules tests try every other field.
 */
export const MEMBER_PROFILE_FIELDS = [
  'name',
  'interests',
  'language',
  'consents',
  'preferences',
  'updatedAt',
] as const

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? ''
}

/** Profile complete enough to earn the profile reward: a name, a birthday and 3+ interests. */
export function isProfileComplete(profile: { name?: unknown; birthday?: unknown; interests?: unknown }): boolean {
  return (
    typeof profile.name === 'string' &&
    profile.name.trim().length >= 2 &&
    typeof profile.birthday === 'string' &&
    Array.isArray(profile.interests) &&
    profile.interests.length >= 3
  )
}
