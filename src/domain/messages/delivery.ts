import { Location, Zmanim } from '@hebcal/core'
import { addDays, localDate, type LocalDate } from '../shared/calendar'
import { isShabbat, isYomTovInIsrael } from '../earn/jewish-calendar'
import { categoryOf, type MessageKind } from './kinds'
import type { MessagePrefs } from './prefs'

export type SuppressReason = 'cap' | 'quiet-hours' | 'shabbat' | 'holiday'

export type DeliveryDecision =
  | {
      deliver: true
      /** Whether it may also go out as a push now (the member opted in, and not in quiet hours). */
      push: boolean
    }
  | { deliver: false; reason: SuppressReason }

export interface DeliveryInput {
  kind: MessageKind
  prefs: MessagePrefs
  now: Date
  /** The club's time zone: quiet hours and the week are the club's. */
  timeZone: string
  /** Promotional messages already delivered to this member this week. */
  sentThisWeek: number
}

const JERUSALEM = Location.lookup('Jerusalem')!

const zmanim = new Map<LocalDate, { sunset: number; nightfall: number }>()

/**
 * Sunset and nightfall (tzeit: the sun 8.5° below the horizon, when three stars show) in Jerusalem
 * on a date, as @hebcal/core computes them; the instants are absolute, so a DST change on the day
 * moves nothing.
 */
function timesOn(date: LocalDate): { sunset: number; nightfall: number } {
  const known = zmanim.get(date)
  if (known) return known
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  // Hebcal reads the Date's local fields, so a Date built from them names this calendar day anywhere.
  const day = new Zmanim(JERUSALEM, new Date(y, m - 1, d), false)
  const times = { sunset: day.sunset().getTime(), nightfall: day.tzeit(8.5).getTime() }
  zmanim.set(date, times)
  return times
}

function restReason(date: LocalDate): 'shabbat' | 'holiday' | null {
  if (isShabbat(date)) return 'shabbat'
  return isYomTovInIsrael(date) ? 'holiday' : null
}

/**
 * Shabbat or a Yom Tov in Israel at an instant, by the halachic day: from sunset on its eve
 * until nightfall on the day itself (Asia/Jerusalem, Jerusalem's sun). Null on an ordinary moment.
 */
export function restDayAt(now: Date): 'shabbat' | 'holiday' | null {
  const today = localDate(now, 'Asia/Jerusalem')
  const at = now.getTime()
  const todays = restReason(today)
  if (todays && at < timesOn(today).nightfall) return todays
  const tomorrows = restReason(addDays(today, 1))
  if (tomorrows && at >= timesOn(today).sunset) return tomorrows
  return null
}

const clockFormats = new Map<string, Intl.DateTimeFormat>()

/** Minutes since local midnight in a time zone. */
export function minutesOfDay(at: Date, timeZone: string): number {
  let format = clockFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    clockFormats.set(timeZone, format)
  }
  const parts = format.formatToParts(at)
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0)
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0)
  return hour * 60 + minute
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number]
  return h * 60 + m
}

/** Within quiet hours, which run across midnight when they start later than they end. */
export function inQuietHours(now: Date, quiet: MessagePrefs['quietHours'], timeZone: string): boolean {
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  if (start === end) return false
  const minute = minutesOfDay(now, timeZone)
  return start < end ? minute >= start && minute < end : minute >= start || minute < end
}

/** The club week an instant falls in, named by its Sunday (the Israeli week starts on Sunday). */
export function weekOf(now: Date, timeZone: string): LocalDate {
  const today = localDate(now, timeZone)
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay()
  return addDays(today, -weekday)
}

/**
 * Whether a message goes out now, and why not. Service messages always do (to the inbox; a push
 * waits for the end of quiet hours like any other). A promotional one is held back, in this order,
 * by Shabbat or a Yom Tov (when the member keeps them free), quiet hours, then the weekly cap.
 */
export function decideDelivery({ kind, prefs, now, timeZone, sentThisWeek }: DeliveryInput): DeliveryDecision {
  const quiet = inQuietHours(now, prefs.quietHours, timeZone)
  if (categoryOf(kind) === 'promotional') {
    const rest = prefs.restDays ? restDayAt(now) : null
    if (rest) return { deliver: false, reason: rest }
    if (quiet) return { deliver: false, reason: 'quiet-hours' }
    if (sentThisWeek >= prefs.promotionalPerWeek) return { deliver: false, reason: 'cap' }
  }
  return { deliver: true, push: prefs.channels.push && !quiet }
}
