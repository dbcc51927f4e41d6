import type { ClubConfig } from '../shared/club-config'
import type { BirthdayCalendar } from './birthday-calendars'
import type { RuleUsage } from '../points/earning'
import { INTERESTS_MAX, isPastCalendarDate } from './join'
import type { Locale } from '../shared/locale'
import { validateName } from '../shared/text'
import type { ReserveDutySummary } from '../earn/reserve-duty'
import type { MemberStreaks } from '../earn/streaks'
import type { HouseholdLink } from './household'

/** The member as the app and the functions see it (Firestore timestamps become Dates). */
export interface Member {
  uid: string
  memberNo: string
  name: string
  email: string | null
  /** Date of birth (YYYY-MM-DD): set once through `setBirthday`, corrected only by the club (`correctBirthday`). */
  birthday: string | null
  /** The calendar the birthday is celebrated by (src/domain/members/birthday.ts); gregorian when absent. */
  birthdayCalendar?: BirthdayCalendar
  interests: string[]
  language: Locale
  consents: { marketing: boolean }
  preferences: MemberPreferences
  tierId: string
  /** Last day of the tier year: no downgrade before it. */
  tierYearEnds: string
  /** The day the tier is reviewed: the end of the tier year, moved on by reserve duty (server-written). */
  tierReviewOn?: string
  balance: number
  lifetimePoints: number
  /** Points owed after a refund of already-spent points; paid from the next earnings. */
  pointsDebt: number
  /** Points of purchases held for an operator's approval: shown, not spendable (server-written). */
  pendingPoints: number
  /** Qualifying activity per month (the tier window is computed from these and today). */
  qualifyingMonths: Record<string, { points: number; spend: number }>
  /** Open points by the day they expire (at most about 13 entries). */
  expiryBuckets: Record<string, number>
  /** The first points to expire and their day, after any reserve duty (server-written). */
  nextExpiry?: { expiresOn: string; points: number } | null
  /** A higher tier lent for a while (a referral reward). */
  tierBoost: { tierId: string; until: string } | null
  /** Changes when the card key is rotated: other devices fetch the new key. */
  cardKeyVersion: number
  referralCode: string
  referredBy: string | null
  /** The referral dashboard's figures, kept by the server. */
  referralStats: { opened: number; joined: number; qualified: number; pointsEarned: number }
  /** How often each earning rule was used (a copy of the server-only counters, for the Earn hub). */
  earnUsage?: Record<string, RuleUsage>
  /** Visit streaks as the server last wrote them (read with `streaksOf`; `streakStatus` says how they stand today). */
  streak?: Partial<MemberStreaks> | null
  /** Declared reserve duty: what is running and what it pauses (server-written). */
  reserveDuty?: ReserveDutySummary
  /**
   * Coupons in status active, kept by the functions with every change of a coupon (so the card
   * reads no coupon). Null for a member from before the count, until their next coupon change.
   */
  activeCoupons?: number | null
  /** The household this member earns for (server-written); their card then shows its shared balance. */
  household?: HouseholdLink | null
  /** How many people are in this member's own household (server-written). */
  householdSize?: number
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


/**
 * Settings a member keeps on their document. firestore.rules allow exactly these keys, each with
 * its type, so the document cannot be used as free storage (a 40 KB string, a thousand keys).
 */
export interface MemberPreferences {
  /** Reminders before points expire (written by no screen yet; the key and its type are fixed). */
  reminders?: boolean
}
export const MEMBER_PREFERENCE_KEYS = ['reminders'] as const satisfies readonly (keyof MemberPreferences)[]

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? ''
}

/**
 * How the till names a customer: the first name and the initial of the last ("Dana K."), enough
 * to greet and to tell two Danas apart, too little to learn who a member number belongs to.
 */
export function nameAtTill(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const first = words[0] ?? ''
  const last = words.length > 1 ? words[words.length - 1]! : ''
  const initial = last ? Array.from(last)[0] : ''
  return initial ? `${first} ${initial}.` : first
}

export type ProfileGap = 'name' | 'interests' | 'birthday'

/**
 * What keeps a profile from being *real*, the only kind the profile reward pays for:
 * - the name is one `validateName` accepts, stored exactly as it would store it (a name written
 *   past the app with doubled spaces, or in decomposed form, is junk too);
 * - between the club's minimum and INTERESTS_MAX interests, each once and each on the club's list
 *   (`interestIds`): ids the club does not offer, markup or long strings are not interests;
 * - a real past birthday, when the club's rule asks for one.
 * Empty: the profile is real.
 */
export function profileGaps(
  profile: { name?: unknown; birthday?: unknown; interests?: unknown },
  club: Pick<ClubConfig, 'interestIds' | 'profileReward'>,
): ProfileGap[] {
  const gaps: ProfileGap[] = []
  const name = typeof profile.name === 'string' ? validateName(profile.name) : null
  if (!name?.ok || name.name !== profile.name) gaps.push('name')
  const offered = new Set(club.interestIds)
  const interests = Array.isArray(profile.interests) ? (profile.interests as unknown[]) : []
  const real =
    interests.length >= club.profileReward.minInterests &&
    interests.length <= INTERESTS_MAX &&
    new Set(interests).size === interests.length &&
    interests.every((id) => typeof id === 'string' && offered.has(id))
  if (!real) gaps.push('interests')
  const birthday = typeof profile.birthday === 'string' && isPastCalendarDate(profile.birthday)
  if (club.profileReward.requireBirthday && !birthday) gaps.push('birthday')
  return gaps
}
