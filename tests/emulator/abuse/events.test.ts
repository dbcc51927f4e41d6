// Club events as an attacker would try them: a script signed in as a member or staff, calling
// rsvpEvent, checkInEvent and getEventDoorKey with hostile input, forged and replayed door codes,
// and writing seats or RSVPs with the web SDK. Each refusal is asserted by its code, and nothing
// changes: the seats, the waiting list, the RSVPs and the ledger stay as they were.
import { doc, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventDoorKeyResult } from '../../../src/domain/community/events'
import { createEventCode } from '../../../src/domain/community/event-code'
import { paths } from '../../../src/domain/shared/paths'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, requestId, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from '../support/emulators'
import { firestoreOf } from '../support/community'
import { attendeeDoc, checkInAtDoor, doorCode, eventDoc, rsvp, seedEvent } from '../support/events'

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

const denied = { code: 'permission-denied', reason: undefined }
const attendance = async (uid: string) => (await ledgerDocs(uid)).filter((e) => e.reason === 'event_attendance')
const seatsOf = async (eventId: string) => {
  const d = await eventDoc(eventId)
  return { seatsTaken: d.seatsTaken, queue: d.queue, rsvpVersion: d.rsvpVersion }
}

describe('rsvpEvent under attack', () => {
  it('refuses hostile input: guests as text, fractions, negatives, many; unknown fields, ids and actions', async () => {
    const event = await seedEvent({ capacity: 3, maxGuests: 1 }, 48)
    const attacker = await joinedMember('Hostile Guest')
    const before = await seatsOf(event.id)
    const hostile: Record<string, unknown>[] = [
      { guests: '2' },
      { guests: 1.5 },
      { guests: -1 },
      { guests: 1e9 },
      { guests: null },
      { action: 'promote' },
      { eventId: '../events/x' },
      { eventId: 'A' },
      { requestId: 'x' },
      { seatsTaken: 0 },
    ]
    for (const input of hostile) {
      const sent = attacker.call('rsvpEvent', { eventId: event.id, action: 'join', guests: 0, requestId: requestId(), ...input })
      expect((await failure(sent)).code).toBe('invalid-argument')
    }
    // Within the schema but over the event's own limit: a party bigger than the event allows.
    expect(await failure(rsvp(attacker, event.id, { guests: 2 }))).toEqual({ code: 'invalid-argument', reason: 'event-too-many-guests' })
    expect(await seatsOf(event.id)).toEqual(before)
    expect(await attendeeDoc(event.id, attacker.uid)).toBeUndefined()
  })

  it('parallel replays of one request id, or of new ones, take the member’s seats once', async () => {
    const event = await seedEvent({ capacity: 5 }, 48)
    const attacker = await joinedMember('Replay Guest')
    const id = requestId()
    const answers = await Promise.all(Array.from({ length: 5 }, () => rsvp(attacker, event.id, { guests: 1, requestId: id })))
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1)
    await Promise.all(Array.from({ length: 5 }, () => rsvp(attacker, event.id, { guests: 1 })))
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 2, queue: [] })
    expect(await attendeeDoc(event.id, attacker.uid)).toMatchObject({ status: 'going', seats: 2 })
  })

  it('staff and operators cannot hold seats; a silver member cannot take a gold seat', async () => {
    const goldOnly = await seedEvent({ tierIds: ['gold'] }, 48)
    const staff = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    const operator = await roleClient({ role: 'admin' })
    const silver = await joinedMember('Silver Climber')
    expect(await failure(rsvp(staff, goldOnly.id))).toEqual({ code: 'permission-denied', reason: 'members-only' })
    expect(await failure(rsvp(operator, goldOnly.id))).toEqual({ code: 'permission-denied', reason: 'members-only' })
    expect(await failure(rsvp(silver, goldOnly.id))).toEqual({ code: 'permission-denied', reason: 'event-tier' })
    expect(await seatsOf(goldOnly.id)).toMatchObject({ seatsTaken: 0, queue: [] })
  })

  it('the web SDK cannot give itself a seat, free one, or read the waiting list’s members', async () => {
    const event = await seedEvent({ capacity: 1 }, 48)
    const [holder, attacker] = await Promise.all([joinedMember('Seat Holder'), joinedMember('Seat Thief')])
    await rsvp(holder, event.id)
    expect(await rsvp(attacker, event.id)).toMatchObject({ status: 'waiting', waitingNumber: 1 })
    const before = await seatsOf(event.id)
    const db = firestoreOf(attacker)
    expect(await failure(updateDoc(doc(db, paths.eventAttendee(event.id, attacker.uid)), { status: 'going', queueId: null }))).toEqual(denied)
    expect(await failure(updateDoc(doc(db, paths.eventAttendee(event.id, holder.uid)), { status: 'cancelled' }))).toEqual(denied)
    expect(await failure(updateDoc(doc(db, paths.event(event.id)), { capacity: 2, queue: [] }))).toEqual(denied)
    expect(await failure(setDoc(doc(db, paths.eventSecret(event.id)), { doorKey: 'AAAA' }))).toEqual(denied)
    expect(await seatsOf(event.id)).toEqual(before)
    expect(await attendeeDoc(event.id, attacker.uid)).toMatchObject({ status: 'waiting' })
    expect(await attendeeDoc(event.id, holder.uid)).toMatchObject({ status: 'going' })
  })
})

describe('checkInEvent under attack', () => {
  it('a member cannot mint the door code: no key for members or other stores, forged and guessed codes refused', async () => {
    const event = await seedEvent()
    const attacker = await joinedMember('Door Forger')
    await rsvp(attacker, event.id)
    const otherStaff = await roleClient({ role: 'staff', partnerId: 'carmel-books' })
    const keyOf = (c: Client) => c.call<{ eventId: string }, EventDoorKeyResult>('getEventDoorKey', { eventId: event.id })
    expect(await failure(keyOf(attacker))).toEqual({ code: 'permission-denied', reason: undefined })
    expect(await failure(keyOf(otherStaff))).toEqual({ code: 'permission-denied', reason: 'event-not-your-store' })

    const step = Math.floor(Date.now() / 30_000)
    const guesses = [
      `E1.${event.id}.${step}.AAAAAAAAAAAA`,
      `E1.${event.id}.${step}.aaaaaaaaaaaa`,
      `E1.${event.id}.${step}`,
      `E1.${event.id}.-1.AAAAAAAAAAAA`,
      `E2.${event.id}.${step}.AAAAAAAAAAAA`,
      await createEventCode(new Uint8Array(32), event.id, Date.now()),
      'https://evil.example/check-in?c=%E0%A4%A',
    ]
    for (const code of guesses) expect(await failure(checkInAtDoor(attacker, code))).toEqual({ code: 'failed-precondition', reason: 'event-code-forged' })
    expect((await failure(checkInAtDoor(attacker, 'x'.repeat(401)))).code).toBe('invalid-argument')
    expect(await attendance(attacker.uid)).toEqual([])
    expect((await attendeeDoc(event.id, attacker.uid))?.checkedInAt).toBeNull()
  })

  it('a screenshot of the door sent home is refused after a minute, and a checked-in member is paid once', async () => {
    const event = await seedEvent({ points: 25 })
    const [inside, friend] = await Promise.all([joinedMember('Inside Member'), joinedMember('Home Friend')])
    await Promise.all([rsvp(inside, event.id), rsvp(friend, event.id)])
    const old = await doorCode(event.id, Date.now() - 95_000)
    expect(await failure(checkInAtDoor(friend, old))).toEqual({ code: 'failed-precondition', reason: 'event-code-expired' })
    const fresh = await doorCode(event.id)
    const first = await checkInAtDoor(inside, fresh)
    expect(first).toMatchObject({ points: 25, already: false })
    for (let i = 0; i < 3; i++) expect(await checkInAtDoor(inside, await doorCode(event.id))).toMatchObject({ already: true })
    expect(await attendance(inside.uid)).toHaveLength(1)
    expect(await attendance(friend.uid)).toEqual([])
  })

  it('refuses any RSVP once the event has started: no seat freed or taken at the door', async () => {
    const event = await seedEvent({ points: 10 }, -0.25)
    expect(await failure(rsvp(await joinedMember('Late Canceller'), event.id, { action: 'cancel' }))).toEqual({ code: 'failed-precondition', reason: 'event-past' })
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 0 })
  })
})
