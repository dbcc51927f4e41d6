import { describe, expect, it } from 'vitest'
import { decideRsvp, doorOpen, promote, tierAllowed, waitingNumber, type SeatState } from '@/domain/community/events'
import { createEventCode, parseEventCode, verifyEventCode } from '@/domain/community/event-code'
import { createCounterCode, parseCounterCode, verifyCounterCode } from '@/domain/partners/counter-code'
import { parseVisitCode } from '@/domain/partners/check-in'
import { eventIcs, foldLine, icsText, icsTime, whatsAppLink } from '@/domain/community/ics'
import { hebrewDate } from '@/domain/community/hebrew-date'

const state = (seatsTaken: number, queue: [string, number][] = [], capacity = 10): SeatState => ({
  capacity,
  seatsTaken,
  queue: queue.map(([id, seats]) => ({ id, seats })),
})

describe('RSVP seats and the waiting list', () => {
  it('seats a party that fits, queues one that does not, at the end of the list', () => {
    expect(decideRsvp(state(7), { status: 'none' }, 'join', 2, 'q1')).toMatchObject({ ok: true, status: 'going', seats: 3, state: { seatsTaken: 10 } })
    const queued = decideRsvp(state(8, [['a', 1]]), { status: 'none' }, 'join', 2, 'q1')
    expect(queued).toMatchObject({ ok: true, status: 'waiting', seats: 3 })
    expect(queued.ok && queued.state.queue.map((s) => s.id)).toEqual(['a', 'q1'])
  })

  it('a cancel frees the seats and promotes in order, skipping a party too big for them', () => {
    const decided = decideRsvp(state(10, [['big', 4], ['one', 1], ['two', 2], ['late', 1]]), { status: 'going', seats: 3 }, 'cancel', 0, 'x')
    expect(decided.ok && decided.promoted.map((s) => s.id)).toEqual(['one', 'two'])
    expect(decided.ok && decided.state).toEqual(state(10, [['big', 4], ['late', 1]]))
  })

  it('promote keeps the order of those who stay and never passes capacity', () => {
    const after = promote(state(6, [['a', 3], ['b', 2], ['c', 2], ['d', 1]]))
    expect(after.promoted.map((s) => s.id)).toEqual(['a', 'd'])
    expect(after.state.seatsTaken).toBe(10)
    expect(after.state.queue.map((s) => s.id)).toEqual(['b', 'c'])
  })

  it('more guests keep the seat only if they fit; fewer free seats for the list', () => {
    expect(decideRsvp(state(9), { status: 'going', seats: 1 }, 'join', 2, 'x')).toEqual({ ok: false, reason: 'event-no-seats-for-guests' })
    expect(decideRsvp(state(8), { status: 'going', seats: 1 }, 'join', 2, 'x')).toMatchObject({ ok: true, status: 'going', state: { seatsTaken: 10 } })
    const fewer = decideRsvp(state(10, [['w', 2]]), { status: 'going', seats: 4 }, 'join', 1, 'x')
    expect(fewer.ok && fewer.promoted.map((s) => s.id)).toEqual(['w'])
    expect(fewer.ok && fewer.state.seatsTaken).toBe(10)
  })

  it('a waiting member keeps the place when changing guests, and goes once the party fits', () => {
    const stays = decideRsvp(state(9, [['a', 3], ['me', 3]]), { status: 'waiting', seats: 3, queueId: 'me' }, 'join', 1, 'me')
    expect(stays).toMatchObject({ ok: true, status: 'waiting' })
    expect(stays.ok && stays.state.queue).toEqual([{ id: 'a', seats: 3 }, { id: 'me', seats: 2 }])
    const goes = decideRsvp(state(9, [['a', 3], ['me', 3]]), { status: 'waiting', seats: 3, queueId: 'me' }, 'join', 0, 'me')
    expect(goes).toMatchObject({ ok: true, status: 'going', state: { seatsTaken: 10, queue: [{ id: 'a', seats: 3 }] }, promoted: [] })
  })

  it('leaving the waiting list frees no seat; repeating the same RSVP changes nothing', () => {
    const left = decideRsvp(state(10, [['a', 1], ['me', 2]]), { status: 'waiting', seats: 2, queueId: 'me' }, 'cancel', 0, 'me')
    expect(left.ok && left.state).toEqual(state(10, [['a', 1]]))
    expect(decideRsvp(state(5), { status: 'going', seats: 2 }, 'join', 1, 'x')).toMatchObject({ ok: true, changed: false, status: 'going' })
    expect(decideRsvp(state(5), { status: 'none' }, 'cancel', 0, 'x')).toMatchObject({ ok: true, changed: false, status: 'cancelled' })
  })

  it('numbers the waiting list from 1, restricts tiers only when listed, and opens the door around the event', () => {
    expect(waitingNumber(state(0, [['a', 1], ['b', 1]]).queue, 'b')).toBe(2)
    expect(waitingNumber([], 'b')).toBeNull()
    expect(tierAllowed([], ['silver'])).toBe(true)
    expect(tierAllowed(['gold', 'platinum'], ['silver'])).toBe(false)
    expect(tierAllowed(['gold'], ['silver', 'gold'])).toBe(true)
    const event = { startsAt: new Date('2026-12-04T08:00:00Z'), endsAt: new Date('2026-12-04T09:30:00Z') }
    expect(doorOpen(event, Date.parse('2026-12-04T05:59:00Z'))).toBe(false)
    expect(doorOpen(event, Date.parse('2026-12-04T06:00:00Z'))).toBe(true)
    expect(doorOpen(event, Date.parse('2026-12-04T09:31:00Z'))).toBe(false)
  })
})

describe('event door codes', () => {
  const key = new Uint8Array(32).fill(7)
  const at = Date.parse('2026-12-04T08:10:00Z')

  it('signs E1 codes that verify for the event within a step either side', async () => {
    const code = await createEventCode(key, 'latte-art', at)
    expect(code).toMatch(/^E1\.latte-art\.\d+\.[A-Z2-7]{12}$/)
    const parsed = parseEventCode(`https://club.example/check-in?c=${encodeURIComponent(code)}`)!
    expect(parsed.eventId).toBe('latte-art')
    expect(await verifyEventCode(key, parsed, at + 30_000)).toBe('ok')
    expect(await verifyEventCode(key, parsed, at + 95_000)).toBe('expired')
    expect(await verifyEventCode(new Uint8Array(32).fill(8), parsed, at)).toBe('forged')
    expect(await verifyEventCode(key, { ...parsed, eventId: 'other-event' }, at)).toBe('forged')
  })

  it('never mixes with store counter codes under the same key', async () => {
    const event = await createEventCode(key, 'cafe-shachar', at)
    const counter = await createCounterCode(key, 'cafe-shachar', at)
    expect(parseCounterCode(event)).toBeNull()
    expect(parseVisitCode(event)).toBeNull()
    expect(parseEventCode(counter)).toBeNull()
    const [, , step, sig] = event.split('.')
    expect(await verifyCounterCode(key, { partnerId: 'cafe-shachar', step: Number(step), code: sig! }, at)).toBe('forged')
  })
})

describe('the .ics file', () => {
  const ics = eventIcs({
    uid: 'latte-art@moadon',
    title: 'סדנת לאטה ארט; חלב, קפה',
    description: 'Line one\nLine two, with a comma\\backslash',
    location: 'Café Shachar, Herzl 1',
    url: 'https://club.example/community/events/latte-art',
    startsAt: new Date('2026-12-04T08:00:00Z'),
    endsAt: new Date('2026-12-04T09:30:00Z'),
    now: new Date('2026-11-27T10:11:12.345Z'),
  })

  it('ends every line with CRLF and keeps times in UTC', () => {
    expect(ics.endsWith('\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(ics).toContain('\r\nDTSTART:20261204T080000Z\r\n')
    expect(ics).toContain('\r\nDTEND:20261204T093000Z\r\n')
    expect(ics).toContain('\r\nDTSTAMP:20261127T101112Z\r\n')
    expect(icsTime(new Date('2026-01-02T03:04:05Z'))).toBe('20260102T030405Z')
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
  })

  it('escapes text', () => {
    expect(icsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne')
    expect(ics).toContain('DESCRIPTION:Line one\\nLine two\\, with a comma\\\\backslash')
  })

  it('folds lines at 75 octets without splitting a character, and unfolds to the original', () => {
    const long = `SUMMARY:${'שלום עולם '.repeat(20)}`
    const folded = foldLine(long)
    const octets = (s: string) => new TextEncoder().encode(s).length
    for (const line of folded.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75)
    expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' '))).toBe(true)
    expect(folded.replace(/\r\n /g, '')).toBe(long)
    expect(foldLine('SHORT:x')).toBe('SHORT:x')
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75)
  })

  it('shares to WhatsApp with the text encoded', () => {
    expect(whatsAppLink('Latte art & more? https://x.example/e?a=1')).toBe(
      'https://wa.me/?text=Latte%20art%20%26%20more%3F%20https%3A%2F%2Fx.example%2Fe%3Fa%3D1',
    )
  })
})

describe('the Hebrew date', () => {
  it('is the date of the club’s day, in either language', () => {
    // 23:30 UTC on 3 December is already 4 December in Jerusalem.
    const at = new Date('2026-12-03T23:30:00Z')
    expect(hebrewDate(at, 'Asia/Jerusalem', 'en')).toBe(hebrewDate(new Date('2026-12-04T10:00:00Z'), 'Asia/Jerusalem', 'en'))
    expect(hebrewDate(at, 'Asia/Jerusalem', 'en')).toMatch(/Kislev, 5787$/)
    expect(hebrewDate(at, 'Asia/Jerusalem', 'he')).toMatch(/כסלו תשפ״ז$/)
  })
})
