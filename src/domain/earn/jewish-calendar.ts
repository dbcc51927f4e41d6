// The holiday tables alone, not the whole calendar (zmanim, locations, locales): a fraction of the size.
import { flags } from '@hebcal/core/dist/esm/event'
import { getHolidaysOnDate } from '@hebcal/core/dist/esm/holidays'
import type { LocalDate } from '../shared/calendar'

/**
 * Days a daily streak skips in Israel: every Shabbat and every Yom Tov (the days with no work:
 * Rosh Hashana, Yom Kippur, the first and last days of Sukkot and Pesach, Shavuot), as the
 * Israeli calendar of @hebcal/core has them. Chol HaMoed, fasts and modern days are ordinary days.
 * Kept apart from the streak rules so only what needs the Hebrew calendar loads it.
 */
const yomTov = new Map<LocalDate, boolean>()

function dayOfWeek(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

export function isShabbat(date: LocalDate): boolean {
  return dayOfWeek(date) === 6
}

export function isYomTovInIsrael(date: LocalDate): boolean {
  const known = yomTov.get(date)
  if (known !== undefined) return known
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  // Hebcal reads a Date's local fields; built from local fields, the zone the code runs in cannot shift the day.
  const events = getHolidaysOnDate(new Date(y, m - 1, d), true) ?? []
  const chag = events.some((event) => (event.getFlags() & flags.CHAG) !== 0)
  yomTov.set(date, chag)
  return chag
}

/** Shabbat or a Yom Tov in Israel: a day a daily streak neither counts nor breaks on. */
export function isRestDay(date: LocalDate): boolean {
  return isShabbat(date) || isYomTovInIsrael(date)
}
