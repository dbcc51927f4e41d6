import type { Locale } from '../shared/locale'

export { NAME_MAX, NAME_MIN } from '../shared/text'
export const INTERESTS_MAX = 12

/** A calendar date that exists (2023-02-30 does not) and is not in the future. */
export function isPastCalendarDate(value: string, now: Date = new Date()): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  return real && y >= now.getUTCFullYear() - 120 && date.getTime() <= now.getTime()
}

/** Input of the `joinClub` callable (validated by JoinClubInputSchema on the server). */
export interface JoinClubInput {
  name: string
  /** YYYY-MM-DD, or null when the member prefers not to say. */
  birthday?: string | null
  interests: string[]
  language: Locale
  marketingConsent: boolean
  /** The code of the member who invited them, if they came through a referral link. */
  referralCode?: string | null
}

/** The input after validation and normalisation. */
export type JoinClubRequest = Required<JoinClubInput> & { birthday: string | null; referralCode: string | null }

export interface JoinClubResult {
  memberNo: string
  created: boolean
}
