import { describe, expect, it } from 'vitest'
import { isRestDay, isShabbat, isYomTovInIsrael } from '@/domain/earn/jewish-calendar'
import type { DutyPause } from '@/domain/earn/reserve-duty'
import { DEFAULT_STREAK_POLICY, type StreakPolicy } from '@/domain/earn/streak-policy'
import {
  NEW_RUN,
  applyVisit,
  dailyCalendar,
  recordVisit,
  streakStatus,
  streaksOf,
  weekOf,
  weeklyCalendar,
  type StreakRun,
} from '@/domain/earn/streaks'
import { localDate } from '@/domain/shared/calendar'

const TZ = 'Asia/Jerusalem'
const WEEKLY = { freezeEvery: 4, maxFreezes: 2 }
const weekly = weeklyCalendar([])

/** Visits on these club-local dates, one after the other. */
function visits(dates: string[], calendar = weekly, policy = WEEKLY, from: StreakRun = NEW_RUN): StreakRun {
  return dates.reduce((run, date) => recordVisit(run, date, calendar, policy).run, from)
}

describe('Israeli weeks', () => {
  it('run Sunday to Saturday', () => {
    expect(weekOf('2026-11-01')).toBe('2026-11-01') // a Sunday
    expect(weekOf('2026-11-07')).toBe('2026-11-01') // the Saturday after
    expect(weekOf('2026-11-08')).toBe('2026-11-08')
    expect(weekOf('2026-11-04')).toBe('2026-11-01')
  })

  it('turn at Sunday 00:00 in Jerusalem, not in UTC', () => {
    // Saturday 23:59 and Sunday 00:00 Israel time (UTC+2 in November).
    const saturdayNight = new Date('2026-11-07T21:59:00Z')
    const sundayMidnight = new Date('2026-11-07T22:00:00Z')
    expect(weekOf(localDate(saturdayNight, TZ))).toBe('2026-11-01')
    expect(weekOf(localDate(sundayMidnight, TZ))).toBe('2026-11-08')
  })

  it('stay Sunday to Saturday across the change to summer time (late March)', () => {
    // Clocks go forward on Friday 27 March 2026 at 02:00: the week of 22 March is an hour short.
    const saturdayNight = new Date('2026-03-28T20:59:00Z') // 23:59 IDT
    const sundayMidnight = new Date('2026-03-28T21:00:00Z') // 00:00 IDT
    expect(weekOf(localDate(saturdayNight, TZ))).toBe('2026-03-22')
    expect(weekOf(localDate(sundayMidnight, TZ))).toBe('2026-03-29')
    // A week before the change: 23:59 on Saturday 21 March is still winter time (UTC+2).
    expect(weekOf(localDate(new Date('2026-03-21T21:59:00Z'), TZ))).toBe('2026-03-15')
    expect(weekOf(localDate(new Date('2026-03-21T22:00:00Z'), TZ))).toBe('2026-03-22')
  })

  it('stay Sunday to Saturday across the change to winter time (late October)', () => {
    // Clocks go back on Sunday 25 October 2026 at 02:00: that week has 169 hours.
    expect(weekOf(localDate(new Date('2026-10-24T20:59:00Z'), TZ))).toBe('2026-10-18') // Sat 23:59 IDT
    expect(weekOf(localDate(new Date('2026-10-24T21:00:00Z'), TZ))).toBe('2026-10-25') // Sun 00:00 IDT
    expect(weekOf(localDate(new Date('2026-10-31T21:59:00Z'), TZ))).toBe('2026-10-25') // Sat 23:59 IST
    expect(weekOf(localDate(new Date('2026-10-31T22:00:00Z'), TZ))).toBe('2026-11-01') // Sun 00:00 IST
  })

  it('count a streak across both changes of clocks without a gap', () => {
    const at = [
      '2026-03-20T10:00:00Z',
      '2026-03-28T20:59:00Z', // Saturday 23:59 after the change
      '2026-03-28T21:00:00Z', // Sunday 00:00: the next week
      '2026-10-24T20:59:00Z',
      '2026-10-24T21:00:00Z',
      '2026-10-31T21:59:00Z', // same week as the visit before: no new count
    ].map((iso) => localDate(new Date(iso), TZ))
    expect(visits(at.slice(0, 3)).count).toBe(3)
    const autumn = visits(at.slice(3))
    expect(autumn.count).toBe(2)
    expect(autumn.last).toBe('2026-10-25')
  })
})

describe('the weekly streak', () => {
  it('counts a week once, however many visits it has', () => {
    const run = visits(['2026-11-01', '2026-11-02', '2026-11-07', '2026-11-08'])
    expect(run).toMatchObject({ count: 2, best: 2, last: '2026-11-08', start: '2026-11-01' })
  })

  it('ignores a late visit from a week already passed (an offline purchase arriving late)', () => {
    const run = visits(['2026-11-08', '2026-11-03'])
    expect(run).toMatchObject({ count: 1, last: '2026-11-08' })
  })

  it('earns a freeze every 4 weeks in a row and holds at most 2', () => {
    let run = NEW_RUN
    const sundays = ['2026-01-04', '2026-01-11', '2026-01-18', '2026-01-25', '2026-02-01', '2026-02-08', '2026-02-15', '2026-02-22', '2026-03-01', '2026-03-08', '2026-03-15', '2026-03-22']
    const freezes: number[] = []
    for (const sunday of sundays) {
      run = recordVisit(run, sunday, weekly, WEEKLY).run
      freezes.push(run.freezes)
    }
    expect(freezes).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2])
    expect(run.count).toBe(12)
  })

  it('uses a freeze for a missed week instead of breaking', () => {
    const four = visits(['2026-01-04', '2026-01-11', '2026-01-18', '2026-01-25'])
    expect(four.freezes).toBe(1)
    const outcome = recordVisit(four, '2026-02-10', weekly, WEEKLY) // the week of 1 Feb missed
    expect(outcome).toMatchObject({ counted: true, freezesUsed: 1, restarted: false })
    expect(outcome.run).toMatchObject({ count: 5, freezes: 0, start: '2026-01-04' })
  })

  it('breaks when the missed weeks outnumber the freezes, and the freezes used on the way are gone', () => {
    const four = visits(['2026-01-04', '2026-01-11', '2026-01-18', '2026-01-25'])
    const outcome = recordVisit(four, '2026-02-17', weekly, WEEKLY) // 1 and 8 Feb missed, one freeze
    expect(outcome).toMatchObject({ counted: true, freezesUsed: 1, restarted: true })
    expect(outcome.run).toMatchObject({ count: 1, best: 4, freezes: 0, start: '2026-02-15', sinceFreeze: 1 })
  })

  it('says today whether this week is counted, and whether the streak still stands', () => {
    const run = visits(['2026-01-04', '2026-01-11', '2026-01-18', '2026-01-25'])
    expect(streakStatus(run, '2026-01-31', weekly, 7)).toMatchObject({ current: 4, counted: true, freezes: 1, periodEnds: '2026-01-31' })
    expect(streakStatus(run, '2026-02-03', weekly, 7)).toMatchObject({ current: 4, counted: false, freezes: 1, periodEnds: '2026-02-07' })
    // One week missed: a freeze covers it.
    expect(streakStatus(run, '2026-02-10', weekly, 7)).toMatchObject({ current: 4, counted: false, freezes: 0 })
    // Two missed, one freeze: gone.
    expect(streakStatus(run, '2026-02-17', weekly, 7)).toMatchObject({ current: 0, counted: false, freezes: 0, best: 4 })
    expect(streakStatus(NEW_RUN, '2026-02-17', weekly, 7)).toMatchObject({ current: 0, counted: false })
  })

  it('pays milestones at the club’s lengths, once per streak', () => {
    const policy: StreakPolicy = DEFAULT_STREAK_POLICY
    let streaks = streaksOf(undefined)
    const paid: number[] = []
    for (const iso of ['2026-01-04', '2026-01-05', '2026-01-11', '2026-01-18', '2026-01-25', '2026-01-26']) {
      const visit = applyVisit(streaks, new Date(`${iso}T10:00:00Z`), TZ, policy, [])
      streaks = visit.streaks
      if (visit.milestone) paid.push(visit.milestone.weeks)
    }
    expect(paid).toEqual([4])
    expect(streaks.weekly.count).toBe(4)
  })

  it('leaves the daily streak alone while the club has it off', () => {
    const visit = applyVisit(streaksOf(undefined), new Date('2026-01-04T10:00:00Z'), TZ, DEFAULT_STREAK_POLICY, [])
    expect(visit.daily).toBeNull()
    expect(visit.streaks.daily).toEqual(NEW_RUN)
  })
})

describe('reserve duty and streaks', () => {
  const duty: DutyPause[] = [{ from: '2026-02-03', until: '2026-03-10', declaredOn: '2026-02-01' }]

  it('keeps a streak through weeks of duty, which neither count nor break it', () => {
    const before = visits(['2026-01-11', '2026-01-18', '2026-01-25'], weeklyCalendar(duty))
    expect(before.freezes).toBe(0)
    const after = recordVisit(before, '2026-03-16', weeklyCalendar(duty), WEEKLY)
    expect(after).toMatchObject({ counted: true, freezesUsed: 0, restarted: false })
    expect(after.run.count).toBe(4)
    // Without the duty the same gap breaks it.
    expect(recordVisit(before, '2026-03-16', weekly, WEEKLY).restarted).toBe(true)
  })

  it('does not count a visit during duty', () => {
    const before = visits(['2026-01-25'], weeklyCalendar(duty))
    const during = recordVisit(before, '2026-02-20', weeklyCalendar(duty), WEEKLY)
    expect(during.counted).toBe(false)
    expect(during.run).toBe(before)
    expect(streakStatus(before, '2026-02-20', weeklyCalendar(duty), 7)).toMatchObject({ current: 1, skippedNow: true, freezes: 0 })
  })

  it('stops pausing from the day a revoked declaration ends', () => {
    // Revoked on 17 Feb: the pause ends on the 16th.
    const revoked: DutyPause[] = [{ from: '2026-02-03', until: '2026-02-16', declaredOn: '2026-02-01' }]
    const before = visits(['2026-01-25'], weeklyCalendar(revoked))
    const late = recordVisit(before, '2026-03-16', weeklyCalendar(revoked), WEEKLY)
    expect(late.restarted).toBe(true)
    const onTime = recordVisit(before, '2026-02-24', weeklyCalendar(revoked), WEEKLY)
    expect(onTime.run.count).toBe(2)
  })
})

describe('the daily streak: Shabbat and Yom Tov', () => {
  const daily = dailyCalendar([])
  const DAILY = { freezeEvery: 7, maxFreezes: 2 }

  it('knows Shabbat and the Yom Tov days of Israel from the Hebrew calendar', () => {
    expect(isShabbat('2026-11-07')).toBe(true)
    expect(isShabbat('2026-11-08')).toBe(false)
    expect(isYomTovInIsrael('2026-09-12')).toBe(true) // Rosh Hashana 5787
    expect(isYomTovInIsrael('2026-09-13')).toBe(true) // its second day
    expect(isYomTovInIsrael('2026-09-21')).toBe(true) // Yom Kippur
    expect(isYomTovInIsrael('2026-04-02')).toBe(true) // Pesach I
    expect(isYomTovInIsrael('2026-04-03')).toBe(false) // Chol HaMoed
    expect(isYomTovInIsrael('2026-04-08')).toBe(true) // Pesach VII
    expect(isYomTovInIsrael('2026-04-09')).toBe(false) // an eighth day only abroad
    expect(isYomTovInIsrael('2026-05-22')).toBe(true) // Shavuot
    expect(isYomTovInIsrael('2026-05-23')).toBe(false) // Shavuot II only abroad
    expect(isRestDay('2026-09-20')).toBe(false) // an ordinary Sunday
  })

  it('is not broken by Shabbat', () => {
    expect(visits(['2026-11-05', '2026-11-06', '2026-11-08'], daily, DAILY).count).toBe(3)
  })

  it('is not broken by Rosh Hashana falling on Shabbat and Sunday', () => {
    // Friday 11 September, then Monday 14: Shabbat + Rosh Hashana, and Rosh Hashana II, skipped.
    expect(visits(['2026-09-10', '2026-09-11', '2026-09-14'], daily, DAILY).count).toBe(3)
  })

  it('is not broken by Yom Kippur', () => {
    expect(visits(['2026-09-20', '2026-09-22'], daily, DAILY).count).toBe(2)
  })

  it('is not broken by the first and last days of Pesach', () => {
    expect(visits(['2027-04-21', '2027-04-23'], daily, DAILY).count).toBe(2) // Pesach I on Thursday 22nd
    expect(visits(['2027-04-27', '2027-04-29'], daily, DAILY).count).toBe(2) // Pesach VII on Wednesday 28th
  })

  it('does not count a visit on Shabbat or a Yom Tov', () => {
    const run = visits(['2026-09-11'], daily, DAILY)
    expect(recordVisit(run, '2026-09-12', daily, DAILY).counted).toBe(false)
    expect(recordVisit(run, '2026-09-13', daily, DAILY).counted).toBe(false)
  })

  it('is broken by an ordinary missed day, unless a freeze covers it', () => {
    expect(visits(['2026-11-02', '2026-11-04'], daily, DAILY).count).toBe(1)
    const week = visits(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-08'], daily, DAILY)
    expect(week).toMatchObject({ count: 7, freezes: 1 })
    expect(recordVisit(week, '2026-11-10', daily, DAILY).run).toMatchObject({ count: 8, freezes: 0 })
  })

  it('runs when the club turns it on', () => {
    const policy: StreakPolicy = { ...DEFAULT_STREAK_POLICY, daily: { ...DEFAULT_STREAK_POLICY.daily, enabled: true } }
    let streaks = streaksOf(undefined)
    for (const iso of ['2026-09-11T08:00:00Z', '2026-09-14T08:00:00Z']) streaks = applyVisit(streaks, new Date(iso), TZ, policy, []).streaks
    expect(streaks.daily.count).toBe(2)
    expect(streaks.weekly.count).toBe(2)
  })
})
