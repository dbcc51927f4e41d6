import { addDays, localDate, type LocalDate } from '../shared/calendar'
import { isRestDay } from './jewish-calendar'
import { isPaused, overlapsPause, type DutyPause } from './reserve-duty'
import type { StreakPolicy } from './streak-policy'

/**
 * Visit streaks. A period (an Israeli week, Sunday to Saturday, or a day) counts when the member
 * had a verified visit in it: a recorded purchase or a paid scan-in. Periods are built from the
 * club-local date of the visit (`localDate` in the club's time zone), never by adding 7 × 24 h, so
 * a week that holds a change of clocks is still Sunday to Saturday.
 *
 * Some periods are *skipped*: they neither count nor break a streak, and a visit in them changes
 * nothing — a week or a day inside declared reserve duty, and, for the daily streak, Shabbat and
 * Yom Tov in Israel. Any day of a week inside duty skips the whole week (a call-up on a Wednesday
 * can cost that week's visit).
 *
 * Freezes, as Duolingo has them: one is earned for every `freezeEvery` counted periods in a row, at
 * most `maxFreezes` are held, and each missed period uses one up automatically; a missed period
 * with none left breaks the streak (the freezes used on the way are gone).
 */

/** One streak as the member document keeps it (`streak.weekly`, `streak.daily`). */
export interface StreakRun {
  /** Counted periods in the current streak. */
  count: number
  best: number
  /** The last counted period (a week's Sunday or a day), null before the first. */
  last: LocalDate | null
  /** The first counted period of the current streak: with the count, it names a milestone once. */
  start: LocalDate | null
  freezes: number
  /** Counted periods since the last freeze was earned. */
  sinceFreeze: number
}

export const NEW_RUN: StreakRun = { count: 0, best: 0, last: null, start: null, freezes: 0, sinceFreeze: 0 }

export interface RunPolicy {
  freezeEvery: number
  maxFreezes: number
}

/** How one kind of streak cuts time into periods. */
export interface PeriodCalendar {
  periodOf(date: LocalDate): LocalDate
  next(period: LocalDate): LocalDate
  skipped(period: LocalDate): boolean
}

/** The Sunday that starts the Israeli week of `date`. */
export function weekOf(date: LocalDate): LocalDate {
  return addDays(date, -new Date(`${date}T00:00:00Z`).getUTCDay())
}

export function weeklyCalendar(pauses: readonly DutyPause[]): PeriodCalendar {
  return {
    periodOf: weekOf,
    next: (week) => addDays(week, 7),
    skipped: (week) => overlapsPause(week, addDays(week, 6), pauses),
  }
}

export function dailyCalendar(pauses: readonly DutyPause[]): PeriodCalendar {
  return {
    periodOf: (date) => date,
    next: (date) => addDays(date, 1),
    skipped: (date) => isRestDay(date) || isPaused(date, pauses),
  }
}

/**
 * Periods strictly between `after` and `before` that were neither skipped nor counted, counting
 * no further than `limit` (enough to know whether the freezes cover the gap).
 */
export function missedBetween(after: LocalDate, before: LocalDate, calendar: PeriodCalendar, limit: number): number {
  let missed = 0
  for (let period = calendar.next(after); period < before && missed <= limit; period = calendar.next(period)) {
    if (!calendar.skipped(period)) missed += 1
  }
  return missed
}

export interface VisitOutcome {
  run: StreakRun
  /** The visit counted a new period (false: the period was counted already, skipped or earlier). */
  counted: boolean
  freezesUsed: number
  /** The visit started a new streak after the old one broke. */
  restarted: boolean
}

/** A verified visit on `date` (club-local). Counting the same period twice changes nothing. */
export function recordVisit(run: StreakRun, date: LocalDate, calendar: PeriodCalendar, policy: RunPolicy): VisitOutcome {
  const period = calendar.periodOf(date)
  // An offline purchase that arrives after a later visit cannot reorder the streak.
  if (calendar.skipped(period) || (run.last !== null && period <= run.last)) {
    return { run, counted: false, freezesUsed: 0, restarted: false }
  }
  const missed = run.last === null ? 0 : missedBetween(run.last, period, calendar, run.freezes)
  const kept = run.last !== null && missed <= run.freezes
  const freezesUsed = Math.min(missed, run.freezes)
  let next: StreakRun = kept
    ? { ...run, count: run.count + 1, last: period, freezes: run.freezes - freezesUsed, sinceFreeze: run.sinceFreeze + 1 }
    : { ...run, count: 1, last: period, start: period, freezes: run.freezes - freezesUsed, sinceFreeze: 1 }
  if (next.sinceFreeze >= policy.freezeEvery) {
    next = { ...next, sinceFreeze: 0, freezes: Math.min(policy.maxFreezes, next.freezes + 1) }
  }
  next.best = Math.max(next.best, next.count)
  return { run: next, counted: true, freezesUsed, restarted: run.last !== null && !kept }
}

export interface StreakStatus {
  /** The streak as of today: 0 once a missed period found no freeze. */
  current: number
  best: number
  /** Freezes held after the ones today's gap has already used. */
  freezes: number
  /** The period that holds today was counted. */
  counted: boolean
  /** Today is in a skipped period (reserve duty, or Shabbat/Yom Tov for the daily streak). */
  skippedNow: boolean
  /** The last day the current period can still be counted on. */
  periodEnds: LocalDate
}

/** What a member sees today; the stored run only changes at visits. */
export function streakStatus(run: StreakRun, today: LocalDate, calendar: PeriodCalendar, periodDays: number): StreakStatus {
  const period = calendar.periodOf(today)
  const base = { best: run.best, skippedNow: calendar.skipped(period), periodEnds: addDays(period, periodDays - 1) }
  if (run.last === null) return { ...base, current: 0, freezes: run.freezes, counted: false }
  if (run.last >= period) return { ...base, current: run.count, freezes: run.freezes, counted: true }
  const missed = missedBetween(run.last, period, calendar, run.freezes)
  if (missed > run.freezes) return { ...base, current: 0, freezes: 0, counted: false }
  return { ...base, current: run.count, freezes: run.freezes - missed, counted: false }
}

/** The milestone a visit reached, if the count it brought is one of the club's. */
export function milestoneReached(outcome: VisitOutcome, milestones: StreakPolicy['weekly']['milestones']) {
  if (!outcome.counted) return null
  return milestones.find((milestone) => milestone.weeks === outcome.run.count) ?? null
}

/** Both streaks of a member, as kept on the member document (server-written). */
export interface MemberStreaks {
  weekly: StreakRun
  daily: StreakRun
}

export function streaksOf(value: unknown): MemberStreaks {
  const data = (value ?? {}) as Partial<MemberStreaks>
  return { weekly: { ...NEW_RUN, ...(data.weekly ?? {}) }, daily: { ...NEW_RUN, ...(data.daily ?? {}) } }
}

export interface StreakVisit {
  streaks: MemberStreaks
  weekly: VisitOutcome
  daily: VisitOutcome | null
  milestone: { weeks: number; points: number } | null
}

/** A verified visit at `at`: both streaks moved on by the club's policy and the member's duty. */
export function applyVisit(
  streaks: MemberStreaks,
  at: Date,
  timeZone: string,
  policy: StreakPolicy,
  pauses: readonly DutyPause[],
): StreakVisit {
  const date = localDate(at, timeZone)
  const weekly = policy.weekly.enabled
    ? recordVisit(streaks.weekly, date, weeklyCalendar(pauses), policy.weekly)
    : { run: streaks.weekly, counted: false, freezesUsed: 0, restarted: false }
  const daily = policy.daily.enabled ? recordVisit(streaks.daily, date, dailyCalendar(pauses), policy.daily) : null
  return {
    streaks: { weekly: weekly.run, daily: daily?.run ?? streaks.daily },
    weekly,
    daily,
    milestone: milestoneReached(weekly, policy.weekly.milestones),
  }
}
