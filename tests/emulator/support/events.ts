// Club events as the tests use them: events written as an operator would (writeEvent), RSVPs and
// check-ins through the callables, the door's code signed with the event's key as the door screen does.
import type { ClubEvent, CheckInEventInput, CheckInEventResult, RsvpEventInput, RsvpEventResult } from '../../../src/domain/community/events'
import { createEventCode } from '../../../src/domain/community/event-code'
import { fromBase64 } from '../../../src/domain/shared/crypto'
import { paths } from '../../../src/domain/shared/paths'
import { doorKey } from '../../../functions/src/community/events'
import { writeEvent } from '../../../scripts/demo-events'
import { requestId, type Client } from './club'
import { admin } from './emulators'

const HOUR = 3_600_000
let events = 0

/** A published event at Café Shachar starting in `startsInHours` (default: in 30 minutes, door open). */
export async function seedEvent(overrides: Partial<ClubEvent> = {}, startsInHours = 0.5): Promise<ClubEvent> {
  const startsAt = new Date(Date.now() + startsInHours * HOUR)
  const event: ClubEvent = {
    id: `event-${Date.now().toString(36)}-${++events}`,
    title: { he: 'סדנה', en: 'Workshop' },
    description: { he: 'סדנה למועדון', en: 'A club workshop' },
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    place: { kind: 'partner', partnerId: 'cafe-shachar' },
    capacity: 12,
    tierIds: [],
    image: null,
    maxGuests: 3,
    points: 40,
    status: 'published',
    ...overrides,
  }
  await writeEvent(admin().db, event)
  return event
}

export function rsvp(member: Client, eventId: string, input: Partial<RsvpEventInput> = {}): Promise<RsvpEventResult> {
  return member.call<RsvpEventInput, RsvpEventResult>('rsvpEvent', { eventId, action: 'join', guests: 0, requestId: requestId(), ...input })
}

export function checkInAtDoor(member: Client, code: string, id = requestId()): Promise<CheckInEventResult> {
  return member.call<CheckInEventInput, CheckInEventResult>('checkInEvent', { code, requestId: id })
}

/** The code the event's door screen shows at `at`. */
export async function doorCode(eventId: string, at: number = Date.now()): Promise<string> {
  return createEventCode(fromBase64(await doorKey(admin().db, eventId)), eventId, at)
}

export async function eventDoc(eventId: string) {
  return (await admin().db.doc(paths.event(eventId)).get()).data()!
}

export async function attendeeDoc(eventId: string, uid: string) {
  return (await admin().db.doc(paths.eventAttendee(eventId, uid)).get()).data()
}

export async function attendees(eventId: string) {
  return (await admin().db.collection(paths.eventAttendees(eventId)).get()).docs.map((d) => ({ uid: d.id, ...d.data() }) as Record<string, unknown> & { uid: string })
}
