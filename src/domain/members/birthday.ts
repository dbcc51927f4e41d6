import { HDate, HebrewCalendar } from '@hebcal/core'
import { addDays, endOfMonthAfter, type LocalDate } from '../shared/calendar'
import type { BirthdayCalendar } from './birthday-calendars'

/**
 * Birthdays and the yearly gift, as pure rules (the nightly job, `setBirthday`, `correctBirthday`
 * and the seed all decide with these). A member keeps one date of birth (Gregorian, YYYY-MM-DD)
 * and the calendar they celebrate by; a Hebrew-calendar birthday is the Hebrew date of that day,
 * found again each Hebrew year by hebcal's birthday rules (Adar in a leap year is Adar II, 30
 * Cheshvan or Kislev falls back to the 29th in a short year). Here `@hebcal/core` is only
 * imported by the functions and the seed: the app shows the date and never computes a window.
 */

export { BIRTHDAY_CALENDAR_CHOICES as BIRTHDAY_CALENDARS, type BirthdayCalendar } from './birthday-calendars'

/** When in the year the gift comes: any day of the birthday's month, or from the day itself to the month's end. */
export const BIRTHDAY_WINDOWS = ['month', 'day'] as const
export type BirthdayWindowMode = (typeof BIRTHDAY_WINDOWS)[number]

/** A birthday set this close before a window opens waits for the next one, so nobody sets one to collect a gift now. */
export const BIRTHDAY_WAIT_DAYS = 30
export const BIRTHDAY_MAX_AGE_YEARS = 120

export interface BirthdayProfile {
  /** Date of birth, YYYY-MM-DD (Gregorian). */
  birthday: LocalDate
  calendar: BirthdayCalendar
}

export interface BirthdayWindow {
  /**
   * The year the gift belongs to: the Gregorian year, or the Hebrew year for a Hebrew-calendar
   * birthday (every Hebrew year has exactly one such birthday; a Gregorian year can have none or
   * two). It names the gift's ledger entry and marker, so a gift is paid once per such year.
   */
  giftYear: number
  /** The birthday in that year, as a Gregorian date. */
  occursOn: LocalDate
  /** The first day the gift may be given. */
  opensOn: LocalDate
  /** The last: the end of the birthday's Gregorian month, so a missed night pays late, never in another month. */
  closesOn: LocalDate
}

const DAY_MS = 86_400_000
/** hebcal's absolute day number (R.D.) of 1970-01-01. */
const EPOCH_ABS = 719_163

function parts(date: LocalDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return [y, m, d]
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

// Absolute day numbers, not Date objects: hebcal reads a Date in the machine's time zone.
function absOf(date: LocalDate): number {
  const [y, m, d] = parts(date)
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS) + EPOCH_ABS
}

function dateOfAbs(abs: number): LocalDate {
  return new Date((abs - EPOCH_ABS) * DAY_MS).toISOString().slice(0, 10)
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/**
 * A real calendar date of birth: it exists, is not after `today` and at most
 * BIRTHDAY_MAX_AGE_YEARS before it (age 0–120).
 */
export function isValidBirthday(value: string, today: LocalDate): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(y, m - 1, d))
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  if (!real || value > today) return false
  const [ty, tm, td] = parts(today)
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0)
  return age >= 0 && age <= BIRTHDAY_MAX_AGE_YEARS
}

/** The Gregorian birthday in `year`; 29 February is kept on 28 February in a common year (still February). */
export function gregorianBirthdayIn(birthday: LocalDate, year: number): LocalDate {
  const [, m, d] = parts(birthday)
  const day = m === 2 && d === 29 && !isLeapYear(year) ? 28 : d
  return `${pad(year, 4)}-${pad(m)}-${pad(day)}`
}

/** The Hebrew year the date of birth fell in. */
export function hebrewYearOf(date: LocalDate): number {
  return new HDate(absOf(date)).getFullYear()
}

/** The Hebrew date of birth, as hebcal names it ("16 Nisan 5748"). */
export function hebrewDateOf(date: LocalDate): string {
  return new HDate(absOf(date)).toString()
}

/** The Hebrew birthday in Hebrew year `hyear`, as a Gregorian date; null before the year of birth. */
export function hebrewBirthdayIn(birthday: LocalDate, hyear: number): LocalDate | null {
  if (hyear < hebrewYearOf(birthday)) return null
  const found = HebrewCalendar.getBirthdayOrAnniversary(hyear, new HDate(absOf(birthday)))
  return found ? dateOfAbs(found.abs()) : null
}

/** The window of one gift year, or null when there is no birthday that year (before birth). */
export function birthdayWindow(profile: BirthdayProfile, mode: BirthdayWindowMode, giftYear: number): BirthdayWindow | null {
  const occursOn =
    profile.calendar === 'hebrew' ? hebrewBirthdayIn(profile.birthday, giftYear) : gregorianBirthdayIn(profile.birthday, giftYear)
  if (!occursOn || occursOn < profile.birthday) return null
  return { giftYear, occursOn, opensOn: mode === 'day' ? occursOn : `${occursOn.slice(0, 7)}-01`, closesOn: endOfMonthAfter(occursOn, 0) }
}

/** The windows of the gift years around Gregorian `year` (a year either side), in order. */
function windowsAround(profile: BirthdayProfile, mode: BirthdayWindowMode, year: number): BirthdayWindow[] {
  // A Gregorian year overlaps Hebrew years year+3760 and year+3761.
  const first = profile.calendar === 'hebrew' ? year + 3759 : year - 1
  const windows: BirthdayWindow[] = []
  for (let giftYear = first; giftYear <= first + 3; giftYear++) {
    const window = birthdayWindow(profile, mode, giftYear)
    if (window) windows.push(window)
  }
  return windows
}

/** The window `today` is in, if any. */
export function currentBirthdayWindow(profile: BirthdayProfile, mode: BirthdayWindowMode, today: LocalDate): BirthdayWindow | null {
  return windowsAround(profile, mode, parts(today)[0]).find((w) => w.opensOn <= today && today <= w.closesOn) ?? null
}

/** Whether a birthday set on `setOn` counts for this window: set at least BIRTHDAY_WAIT_DAYS before it opens. */
export function waitedForWindow(setOn: LocalDate, window: Pick<BirthdayWindow, 'opensOn'>): boolean {
  return addDays(setOn, BIRTHDAY_WAIT_DAYS) <= window.opensOn
}

/**
 * The first window, still open on `from` or later, that the birthday counts for (set on `setOn`):
 * the job looks a member up again from its `opensOn` (stored as `birthdayGiftOn`).
 */
export function nextBirthdayWindow(
  profile: BirthdayProfile,
  mode: BirthdayWindowMode,
  setOn: LocalDate,
  from: LocalDate,
): BirthdayWindow | null {
  const [year] = parts(from)
  for (let y = year; y <= year + 3; y += 2) {
    const found = windowsAround(profile, mode, y).find((w) => w.closesOn >= from && waitedForWindow(setOn, w))
    if (found) return found
  }
  return null
}

/** What the gift job does for a member on `today`: give the gift of a window (or not) and when to look again. */
export interface BirthdayDecision {
  /** The window whose gift is due today, or null. */
  due: BirthdayWindow | null
  /** The day to look at this member again (`birthdayGiftOn`). */
  nextOn: LocalDate | null
}

export function birthdayDecision(
  profile: BirthdayProfile,
  mode: BirthdayWindowMode,
  setOn: LocalDate,
  today: LocalDate,
): BirthdayDecision {
  const current = currentBirthdayWindow(profile, mode, today)
  const due = current && waitedForWindow(setOn, current) ? current : null
  const after = current ? addDays(current.closesOn, 1) : today
  return { due, nextOn: nextBirthdayWindow(profile, mode, setOn, after)?.opensOn ?? null }
}
