import { HDate } from '@hebcal/core'
import { localDate } from '../shared/calendar'

/**
 * The Hebrew date of a moment on the club's calendar (the day in the club's time zone, not the
 * device's): "ט״ו חשון תשפ״ז" in Hebrew, "15th of Cheshvan, 5787" in English. The Hebrew day
 * starting at nightfall is not applied: an event's date is the civil day it is on.
 */
export function hebrewDate(at: Date, timeZone: string, locale: string): string {
  const [year, month, day] = localDate(at, timeZone).split('-').map(Number) as [number, number, number]
  const date = new HDate(new Date(year, month - 1, day))
  return locale === 'he' ? date.renderGematriya(true) : date.render('en')
}
