import { describe, expect, it } from 'vitest'
import { decideDelivery, inQuietHours, restDayAt, weekOf } from '@/domain/messages/delivery'
import { categoryOf, linkOf, MESSAGE_KINDS } from '@/domain/messages/kinds'
import { DEFAULT_MESSAGE_PREFS, messagePrefsOf, type MessagePrefs } from '@/domain/messages/prefs'
import { MessagePrefsSchema } from '@/domain/messages/prefs-schema'

const ZONE = 'Asia/Jerusalem'
// A Tuesday afternoon in Jerusalem: no rest day, no quiet hours.
const ORDINARY = new Date('2026-11-24T14:00:00+02:00')

const decide = (kind: (typeof MESSAGE_KINDS)[number], now: Date, sentThisWeek = 0, prefs: MessagePrefs = DEFAULT_MESSAGE_PREFS) =>
  decideDelivery({ kind, prefs, now, timeZone: ZONE, sentThisWeek })

describe('the weekly cap on promotional messages', () => {
  it('lets the first two through and refuses the third with the default of 2', () => {
    expect(decide('club-news', ORDINARY, 0)).toEqual({ deliver: true, push: false })
    expect(decide('club-news', ORDINARY, 1)).toEqual({ deliver: true, push: false })
    expect(decide('club-news', ORDINARY, 2)).toEqual({ deliver: false, reason: 'cap' })
  })

  it('refuses every promotion at a cap of 0 and follows a cap of 7', () => {
    expect(decide('club-news', ORDINARY, 0, { ...DEFAULT_MESSAGE_PREFS, promotionalPerWeek: 0 })).toEqual({ deliver: false, reason: 'cap' })
    expect(decide('club-news', ORDINARY, 6, { ...DEFAULT_MESSAGE_PREFS, promotionalPerWeek: 7 }).deliver).toBe(true)
    // A reminder of an event the member RSVPed to is theirs, like a coupon: never capped.
    expect(decide('event-reminder', ORDINARY, 6, { ...DEFAULT_MESSAGE_PREFS, promotionalPerWeek: 0 }).deliver).toBe(true)
  })

  it('never holds back a service message, however many went out', () => {
    expect(decide('tier-up', ORDINARY, 50)).toEqual({ deliver: true, push: false })
  })

  it('counts weeks from Sunday in the club zone', () => {
    expect(weekOf(new Date('2026-11-28T23:30:00+02:00'), ZONE)).toBe('2026-11-22')
    // 22:30Z on Saturday is already 00:30 on Sunday in Jerusalem: a new week.
    expect(weekOf(new Date('2026-11-28T22:30:00Z'), ZONE)).toBe('2026-11-29')
    expect(weekOf(new Date('2026-11-29T00:30:00+02:00'), ZONE)).toBe('2026-11-29')
  })
})

describe('quiet hours', () => {
  const quiet = DEFAULT_MESSAGE_PREFS.quietHours

  it('run across midnight, 21:00 to 08:00 by the club clock', () => {
    expect(inQuietHours(new Date('2026-11-24T20:59:00+02:00'), quiet, ZONE)).toBe(false)
    expect(inQuietHours(new Date('2026-11-24T21:00:00+02:00'), quiet, ZONE)).toBe(true)
    expect(inQuietHours(new Date('2026-11-25T00:30:00+02:00'), quiet, ZONE)).toBe(true)
    expect(inQuietHours(new Date('2026-11-25T07:59:00+02:00'), quiet, ZONE)).toBe(true)
    expect(inQuietHours(new Date('2026-11-25T08:00:00+02:00'), quiet, ZONE)).toBe(false)
  })

  it('follow the local clock on both sides of a DST change', () => {
    // Summer time starts on Friday 27 March 2026 at 02:00: 07:30 local is 04:30Z after it, 05:30Z before.
    expect(inQuietHours(new Date('2026-03-27T07:30:00+03:00'), quiet, ZONE)).toBe(true)
    expect(inQuietHours(new Date('2026-03-27T08:30:00+03:00'), quiet, ZONE)).toBe(false)
    expect(inQuietHours(new Date('2026-03-26T08:30:00+02:00'), quiet, ZONE)).toBe(false)
    // It ends on Sunday 25 October 2026: 20:30 local is quiet-free the evening before and after.
    expect(inQuietHours(new Date('2026-10-24T20:30:00+03:00'), quiet, ZONE)).toBe(false)
    expect(inQuietHours(new Date('2026-10-25T21:30:00+02:00'), quiet, ZONE)).toBe(true)
  })

  it('within the day when they start before they end, and none when equal', () => {
    const day = { start: '13:00', end: '16:00' }
    expect(inQuietHours(new Date('2026-11-24T14:00:00+02:00'), day, ZONE)).toBe(true)
    expect(inQuietHours(new Date('2026-11-24T16:00:00+02:00'), day, ZONE)).toBe(false)
    expect(inQuietHours(new Date('2026-11-24T23:00:00+02:00'), { start: '00:00', end: '00:00' }, ZONE)).toBe(false)
  })

  it('hold promotions back and let service messages through, without a push', () => {
    const night = new Date('2026-11-24T22:00:00+02:00')
    expect(decide('club-news', night)).toEqual({ deliver: false, reason: 'quiet-hours' })
    const withPush = { ...DEFAULT_MESSAGE_PREFS, channels: { push: true } }
    expect(decide('points-arrived', night, 0, withPush)).toEqual({ deliver: true, push: false })
    expect(decide('points-arrived', ORDINARY, 0, withPush)).toEqual({ deliver: true, push: true })
  })
})

describe('Shabbat and holidays in Asia/Jerusalem, sunset to nightfall', () => {
  it('starts at sunset on Friday, by the local clock of either side of the March change', () => {
    // 20 March (winter time, UTC+2): sunset about 17:50, so 18:15 is Shabbat.
    expect(restDayAt(new Date('2026-03-20T18:15:00+02:00'))).toBe('shabbat')
    // 27 March (summer time from 02:00 that morning, UTC+3): sunset 18:55, so 18:15 is not yet.
    expect(restDayAt(new Date('2026-03-27T18:15:00+03:00'))).toBeNull()
    expect(restDayAt(new Date('2026-03-27T18:54:00+03:00'))).toBeNull()
    expect(restDayAt(new Date('2026-03-27T18:56:00+03:00'))).toBe('shabbat')
    // Ends at nightfall on Saturday (19:32 summer time).
    expect(restDayAt(new Date('2026-03-28T12:00:00+03:00'))).toBe('shabbat')
    expect(restDayAt(new Date('2026-03-28T19:31:00+03:00'))).toBe('shabbat')
    expect(restDayAt(new Date('2026-03-28T19:34:00+03:00'))).toBeNull()
  })

  it('moves an hour on the wall clock across the October change', () => {
    // 23 October (summer time): sunset 17:58, so 17:30 is still Friday afternoon.
    expect(restDayAt(new Date('2026-10-23T17:30:00+03:00'))).toBeNull()
    // 30 October (winter time from the 25th): sunset 16:51, so 17:30 is Shabbat.
    expect(restDayAt(new Date('2026-10-30T17:30:00+02:00'))).toBe('shabbat')
    // Nightfall on 31 October: 17:27.
    expect(restDayAt(new Date('2026-10-31T17:26:00+02:00'))).toBe('shabbat')
    expect(restDayAt(new Date('2026-10-31T17:29:00+02:00'))).toBeNull()
  })

  it('covers a Yom Tov from its eve: Pesach in April and Yom Kippur in September 2026', () => {
    // Pesach's first day is Thursday 2 April 2026 (summer time); sunset on the 1st is 18:58.
    expect(restDayAt(new Date('2026-04-01T18:50:00+03:00'))).toBeNull()
    expect(restDayAt(new Date('2026-04-01T19:05:00+03:00'))).toBe('holiday')
    expect(restDayAt(new Date('2026-04-02T12:00:00+03:00'))).toBe('holiday')
    expect(restDayAt(new Date('2026-04-02T19:40:00+03:00'))).toBeNull()
    // Yom Kippur, Monday 21 September 2026.
    expect(restDayAt(new Date('2026-09-20T19:00:00+03:00'))).toBe('holiday')
    expect(restDayAt(new Date('2026-09-21T15:00:00+03:00'))).toBe('holiday')
    // Chol HaMoed is an ordinary day.
    expect(restDayAt(new Date('2026-04-05T12:00:00+03:00'))).toBeNull()
  })

  it('holds promotions only, and only when the member keeps the days free', () => {
    const shabbat = new Date('2026-10-31T12:00:00+02:00')
    expect(decide('club-news', shabbat)).toEqual({ deliver: false, reason: 'shabbat' })
    expect(decide('club-news', new Date('2026-09-21T12:00:00+03:00'))).toEqual({ deliver: false, reason: 'holiday' })
    expect(decide('tier-up', shabbat)).toEqual({ deliver: true, push: false })
    expect(decide('club-news', shabbat, 0, { ...DEFAULT_MESSAGE_PREFS, restDays: false }).deliver).toBe(true)
  })
})

describe('kinds and limits', () => {
  it('gives every kind a category and a route', () => {
    expect(MESSAGE_KINDS.filter((kind) => categoryOf(kind) === 'promotional')).toEqual(['club-news'])
    expect(linkOf('tier-up', { tierId: 'gold' })).toBe('/tiers')
    expect(linkOf('event-reminder', { eventId: 'yoga night' })).toBe('/community/events/yoga%20night')
    expect(linkOf('club-news', { postId: 'abc' })).toBe('/community/abc')
    for (const kind of MESSAGE_KINDS) expect(linkOf(kind, {})).toMatch(/^\//)
  })

  it('falls back to the defaults field by field and validates what a member sends', () => {
    expect(messagePrefsOf(undefined)).toEqual(DEFAULT_MESSAGE_PREFS)
    expect(messagePrefsOf({ promotionalPerWeek: 9, quietHours: { start: '22:00', end: '25:00' }, restDays: false })).toEqual({
      ...DEFAULT_MESSAGE_PREFS,
      quietHours: { start: '22:00', end: '08:00' },
      restDays: false,
    })
    expect(MessagePrefsSchema.safeParse(DEFAULT_MESSAGE_PREFS).success).toBe(true)
    expect(MessagePrefsSchema.safeParse({ ...DEFAULT_MESSAGE_PREFS, promotionalPerWeek: 8 }).success).toBe(false)
    expect(MessagePrefsSchema.safeParse({ ...DEFAULT_MESSAGE_PREFS, promotionalPerWeek: 1.5 }).success).toBe(false)
    expect(MessagePrefsSchema.safeParse({ ...DEFAULT_MESSAGE_PREFS, quietHours: { start: '9:00', end: '08:00' } }).success).toBe(false)
    expect(MessagePrefsSchema.safeParse({ ...DEFAULT_MESSAGE_PREFS, extra: 1 }).success).toBe(false)
  })
})
