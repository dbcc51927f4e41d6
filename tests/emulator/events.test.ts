import { Timestamp } from 'firebase-admin/firestore'
import { collection, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LEDGER_IDS, paths } from '../../src/domain/shared/paths'
import { createEventCode } from '../../src/domain/community/event-code'
import type { EventDoorKeyResult } from '../../src/domain/community/events'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'
import { firestoreOf } from './support/community'
import { attendeeDoc, attendees, checkInAtDoor, doorCode, eventDoc, rsvp, seedEvent } from './support/events'
import { screenCode } from './support/visits'

type Member = Client & { uid: string; memberNo: string }

/** 20 parallel calls start up to 20 Functions emulator workers, each loading the whole bundle. */
const PARALLEL_TIMEOUT = 120_000

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

const members = (n: number, prefix = 'Event Member') => Promise.all(Array.from({ length: n }, (_, i) => joinedMember(`${prefix} ${String.fromCharCode(65 + i)}`)))

describe('rsvpEvent', () => {
  it('20 members at once on 12 seats: never over capacity, the rest waiting in order of arrival', async () => {
    const event = await seedEvent({ capacity: 12 }, 48)
    const crowd = await members(20, 'Crowd')
    const started = Date.now()
    // Parties of 1 and 2: the last seats can be left to a smaller party only if the list allows.
    const answers = await Promise.all(crowd.map((m, i) => rsvp(m, event.id, { guests: i % 2 })))
    const elapsed = Date.now() - started
    console.info(`20 parallel RSVPs (optimistic concurrency on the event) took ${elapsed} ms`)

    const totals = await eventDoc(event.id)
    const docs = await attendees(event.id)
    const going = docs.filter((d) => d.status === 'going')
    const waiting = docs.filter((d) => d.status === 'waiting')
    const seatsGoing = going.reduce((sum, d) => sum + Number(d.seats), 0)
    expect(totals.seatsTaken).toBe(seatsGoing)
    expect(seatsGoing).toBeLessThanOrEqual(12)
    expect(going.length + waiting.length).toBe(20)
    // Nobody waits for seats that are free: every waiting party is bigger than what is left.
    for (const d of waiting) expect(Number(d.seats)).toBeGreaterThan(12 - seatsGoing)
    // The waiting list on the event is the waiting members, in the order they arrived.
    const queue = totals.queue as { id: string; seats: number }[]
    expect(queue).toHaveLength(waiting.length)
    expect(totals.waitingCount).toBe(waiting.length)
    const byQueueId = new Map(waiting.map((d) => [String(d.queueId), d]))
    const since = queue.map((slot) => (byQueueId.get(slot.id)!.waitingSince as Timestamp).toMillis())
    expect(since).toEqual([...since].sort((a, b) => a - b))
    // Each member was told where they stand, and the numbers 1..n are each given once.
    const numbers = answers.filter((a) => a.status === 'waiting').map((a) => a.waitingNumber)
    expect(numbers.every((n) => n !== null)).toBe(true)
    expect(answers.filter((a) => a.status === 'going')).toHaveLength(going.length)
  }, PARALLEL_TIMEOUT)

  it('a cancel promotes the waiting list in order, as far as the freed seats go', async () => {
    const event = await seedEvent({ capacity: 3 }, 48)
    const [a, x, big, two, one] = (await members(5, 'Queue')) as [Member, Member, Member, Member, Member]
    expect(await rsvp(a, event.id, { guests: 1 })).toMatchObject({ status: 'going', seatsLeft: 1 })
    expect(await rsvp(x, event.id)).toMatchObject({ status: 'going', seatsLeft: 0 })
    expect(await rsvp(big, event.id, { guests: 2 })).toMatchObject({ status: 'waiting', waitingNumber: 1 })
    expect(await rsvp(two, event.id, { guests: 1 })).toMatchObject({ status: 'waiting', waitingNumber: 2 })
    expect(await rsvp(one, event.id)).toMatchObject({ status: 'waiting', waitingNumber: 3 })

    // Two seats free: the party of three stays first in line, the party of two goes, the last
    // one waits (no seat left).
    expect(await rsvp(a, event.id, { action: 'cancel' })).toMatchObject({ status: 'cancelled', seatsLeft: 0 })
    expect((await attendeeDoc(event.id, two.uid))?.status).toBe('going')
    expect((await attendeeDoc(event.id, big.uid))?.status).toBe('waiting')
    expect((await attendeeDoc(event.id, one.uid))?.status).toBe('waiting')
    expect(await eventDoc(event.id)).toMatchObject({ seatsTaken: 3 })
    expect(((await eventDoc(event.id)).queue as unknown[]).length).toBe(2)

    // One more seat: the party of three still does not fit, the single one goes.
    await rsvp(x, event.id, { action: 'cancel' })
    expect((await attendeeDoc(event.id, one.uid))?.status).toBe('going')
    expect(await rsvp(big, event.id, { guests: 2 })).toMatchObject({ status: 'waiting', waitingNumber: 1 })
    // Fewer guests make the party fit: it goes at once, keeping its turn.
    await rsvp(two, event.id, { action: 'cancel' })
    expect(await rsvp(big, event.id, { guests: 1 })).toMatchObject({ status: 'going', guests: 1, seatsLeft: 0 })
  }, PARALLEL_TIMEOUT)

  it('changes guests within the seats, refuses more than fit or allowed, and answers a retry once', async () => {
    const event = await seedEvent({ capacity: 4, maxGuests: 2 }, 48)
    const [m, other] = (await members(2, 'Guests')) as [Member, Member]
    const id = 'rsvp-retry-0001'
    const first = await rsvp(m, event.id, { guests: 1, requestId: id })
    expect(await rsvp(m, event.id, { guests: 1, requestId: id })).toEqual({ ...first, replayed: true })
    expect(await eventDoc(event.id)).toMatchObject({ seatsTaken: 2 })
    expect(await rsvp(other, event.id, { guests: 1 })).toMatchObject({ status: 'going', seatsLeft: 0 })
    expect(await failure(rsvp(m, event.id, { guests: 2 }))).toEqual({ code: 'failed-precondition', reason: 'event-no-seats-for-guests' })
    expect(await failure(rsvp(m, event.id, { guests: 3 }))).toEqual({ code: 'invalid-argument', reason: 'event-too-many-guests' })
    expect((await failure(rsvp(m, event.id, { guests: -1 }))).code).toBe('invalid-argument')
    expect(await attendeeDoc(event.id, m.uid)).toMatchObject({ status: 'going', guests: 1, seats: 2 })
    expect(await eventDoc(event.id)).toMatchObject({ seatsTaken: 4 })
  })

  it('refuses a tier not invited, a past or cancelled event, and an unknown one', async () => {
    const goldOnly = await seedEvent({ tierIds: ['gold', 'platinum'] }, 48)
    const [silver] = (await members(1, 'Silver')) as [Member]
    expect(await failure(rsvp(silver, goldOnly.id))).toEqual({ code: 'permission-denied', reason: 'event-tier' })
    expect(await attendeeDoc(goldOnly.id, silver.uid)).toBeUndefined()
    await admin().db.doc(paths.member(silver.uid)).update({ tierId: 'gold' })
    expect(await rsvp(silver, goldOnly.id)).toMatchObject({ status: 'going' })

    const past = await seedEvent({}, -1)
    expect(await failure(rsvp(silver, past.id))).toEqual({ code: 'failed-precondition', reason: 'event-past' })
    const cancelled = await seedEvent({ status: 'cancelled' }, 48)
    expect(await failure(rsvp(silver, cancelled.id))).toEqual({ code: 'failed-precondition', reason: 'event-cancelled' })
    expect(await failure(rsvp(silver, 'no-such-event'))).toEqual({ code: 'not-found', reason: 'event-not-found' })
    expect(await eventDoc(past.id)).toMatchObject({ seatsTaken: 0, queue: [] })
  })

  it('is for members: staff and operators are refused', async () => {
    const event = await seedEvent({}, 48)
    const staff = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    expect(await failure(rsvp(staff, event.id))).toEqual({ code: 'permission-denied', reason: 'members-only' })
  })
})

describe('checkInEvent', () => {
  it('pays attendance once under 20 parallel check-ins, and records the check-in', async () => {
    const event = await seedEvent({ points: 40 })
    const [m] = (await members(1, 'Door')) as [Member]
    await rsvp(m, event.id)
    const before = (await memberDoc(m.uid)).balance as number
    const code = await doorCode(event.id)
    const answers = await Promise.all(Array.from({ length: 20 }, () => checkInAtDoor(m, code)))
    expect(answers.filter((a) => !a.already)).toHaveLength(1)
    expect(answers.every((a) => a.points === 40 && a.eventId === event.id)).toBe(true)
    const entries = (await ledgerDocs(m.uid)).filter((e) => e.reason === 'event_attendance')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ id: LEDGER_IDS.eventAttendance(event.id), points: 40, source: 'event', ref: event.id, partnerId: 'cafe-shachar' })
    expect((await memberDoc(m.uid)).balance).toBe(before + 40)
    expect((await attendeeDoc(event.id, m.uid))?.checkedInAt).toBeInstanceOf(Timestamp)
  }, PARALLEL_TIMEOUT)

  it('refuses a forged, an expired or another event’s code, a store’s code, and a member without a seat', async () => {
    const event = await seedEvent()
    const other = await seedEvent()
    const [m, stranger, waiting] = (await members(3, 'Refused')) as [Member, Member, Member]
    await rsvp(m, event.id)
    const fresh = await doorCode(event.id)
    const forged = fresh.slice(0, -4) + (fresh.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    expect(await failure(checkInAtDoor(m, forged))).toEqual({ code: 'failed-precondition', reason: 'event-code-forged' })
    expect(await failure(checkInAtDoor(m, await doorCode(event.id, Date.now() - 120_000)))).toEqual({ code: 'failed-precondition', reason: 'event-code-expired' })
    // The other event's door key does not sign this event's code, nor this key the other's.
    const otherKey = (await (await roleClient({ role: 'admin' })).call<{ eventId: string }, EventDoorKeyResult>('getEventDoorKey', { eventId: other.id })).key
    const swapped = await createEventCode(Uint8Array.from(Buffer.from(otherKey, 'base64')), event.id, Date.now())
    expect(await failure(checkInAtDoor(m, swapped))).toEqual({ code: 'failed-precondition', reason: 'event-code-forged' })
    expect(await failure(checkInAtDoor(m, await doorCode(other.id)))).toEqual({ code: 'failed-precondition', reason: 'event-not-going' })
    expect(await failure(checkInAtDoor(m, await screenCode('cafe-shachar')))).toEqual({ code: 'failed-precondition', reason: 'event-code-forged' })
    expect(await failure(checkInAtDoor(stranger, fresh))).toEqual({ code: 'failed-precondition', reason: 'event-not-going' })
    // Waiting is not going: a full event's waiting list does not check in.
    const full = await seedEvent({ capacity: 1 })
    await rsvp(stranger, full.id)
    expect(await rsvp(waiting, full.id)).toMatchObject({ status: 'waiting' })
    expect(await failure(checkInAtDoor(waiting, await doorCode(full.id)))).toEqual({ code: 'failed-precondition', reason: 'event-not-going' })
    // Nothing was paid to anyone.
    for (const who of [m, stranger, waiting]) expect((await ledgerDocs(who.uid)).filter((e) => e.reason === 'event_attendance')).toEqual([])
  })

  it('opens the door shortly before the start only', async () => {
    const later = await seedEvent({}, 48)
    const [m] = (await members(1, 'Early')) as [Member]
    await rsvp(m, later.id)
    expect(await failure(checkInAtDoor(m, await doorCode(later.id)))).toEqual({ code: 'failed-precondition', reason: 'event-door-closed' })
    expect((await attendeeDoc(later.id, m.uid))?.checkedInAt).toBeNull()
  })
})

describe('getEventDoorKey', () => {
  it('gives the key to operators and the hosting store’s staff only', async () => {
    const event = await seedEvent()
    const online = await seedEvent({ place: { kind: 'online', url: 'https://meet.example/x' } })
    const [m] = (await members(1, 'Curious')) as [Member]
    const own = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    const otherStore = await roleClient({ role: 'staff', partnerId: 'carmel-books' })
    const operator = await roleClient({ role: 'admin' })
    const key = (c: Client, eventId: string) => c.call<{ eventId: string }, EventDoorKeyResult>('getEventDoorKey', { eventId })
    expect((await failure(key(m, event.id))).code).toBe('permission-denied')
    expect(await failure(key(otherStore, event.id))).toEqual({ code: 'permission-denied', reason: 'event-not-your-store' })
    expect(await failure(key(own, online.id))).toEqual({ code: 'permission-denied', reason: 'event-not-your-store' })
    const fromStaff = await key(own, event.id)
    expect(fromStaff).toMatchObject({ eventId: event.id, stepSeconds: 30 })
    expect((await key(operator, event.id)).key).toBe(fromStaff.key)
    expect((await key(operator, online.id)).key).not.toBe(fromStaff.key)
  })
})

describe('rules', () => {
  it('members read announced events and their own RSVP; nobody writes them from the app', async () => {
    const event = await seedEvent({}, 48)
    const [m, other] = (await members(2, 'Rules')) as [Member, Member]
    await rsvp(m, event.id)
    const db = firestoreOf(m)
    expect((await getDoc(doc(db, paths.event(event.id)))).data()).toMatchObject({ seatsTaken: 1 })
    const listed = await getDocs(query(collection(db, 'events'), where('status', 'in', ['published', 'cancelled'])))
    expect(listed.docs.some((d) => d.id === event.id)).toBe(true)
    expect((await getDoc(doc(db, paths.eventAttendee(event.id, m.uid)))).data()).toMatchObject({ status: 'going' })

    const denied = { code: 'permission-denied', reason: undefined }
    expect(await failure(getDoc(doc(db, paths.eventAttendee(event.id, other.uid))))).toEqual(denied)
    expect(await failure(getDocs(collection(db, paths.eventAttendees(event.id))))).toEqual(denied)
    expect(await failure(getDoc(doc(db, paths.eventSecret(event.id))))).toEqual(denied)
    expect(await failure(getDocs(collection(db, 'events')))).toEqual(denied)
    expect(await failure(updateDoc(doc(db, paths.event(event.id)), { seatsTaken: 0 }))).toEqual(denied)
    expect(await failure(setDoc(doc(db, paths.event('my-own-event')), { status: 'published', capacity: 1000 }))).toEqual(denied)
    expect(await failure(updateDoc(doc(db, paths.eventAttendee(event.id, m.uid)), { guests: 3, seats: 4 }))).toEqual(denied)
    expect(await failure(setDoc(doc(firestoreOf(other), paths.eventAttendee(event.id, other.uid)), { status: 'going', seats: 1 }))).toEqual(denied)
    expect(await eventDoc(event.id)).toMatchObject({ seatsTaken: 1 })
    expect(await attendeeDoc(event.id, other.uid)).toBeUndefined()
  })
})
