import { HttpsError } from 'firebase-functions/v2/https'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { CheckInEventInputSchema, EventIdInputSchema, RsvpEventInputSchema } from '../../../src/domain/community/events'
import { EVENT_STEP_SECONDS } from '../../../src/domain/community/event-code'
import { paths } from '../../../src/domain/shared/paths'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { callerOf, requireStaffOrAdmin } from '../lib/roles'
import { checkInEvent as checkIn, doorKey, rsvpEvent as rsvp, storedEvent } from './events'

/** RSVPs and check-ins are a member's: staff and operator accounts run the door, they do not attend. */
function requireMember(request: Parameters<typeof callerOf>[0]) {
  const caller = callerOf(request)
  if (caller.role !== 'member') throw new HttpsError('permission-denied', 'Only members take part in events.', { reason: 'members-only' })
  return caller
}

export const rsvpEvent = callable(CALLABLES.rsvpEvent, { input: RsvpEventInputSchema, authorize: requireMember }, async (input, { uid }) => {
  const firestore = db()
  return rsvp(firestore, { uid, input, config: await loadClubConfig(firestore) })
})

export const checkInEvent = callable(CALLABLES.checkInEvent, { input: CheckInEventInputSchema, authorize: requireMember }, async (input, { uid }) => {
  const firestore = db()
  return checkIn(firestore, { uid, input, config: await loadClubConfig(firestore) })
})

/**
 * `getEventDoorKey`: the door screen signs the rotating code itself, offline, with the event's
 * key. Whoever holds the key can admit anyone, so only an operator, or staff of the partner store
 * that hosts the event, may have it (an online event's door is the operators').
 */
export const getEventDoorKey = callable(
  CALLABLES.getEventDoorKey,
  { input: EventIdInputSchema, authorize: requireStaffOrAdmin },
  async ({ eventId }, caller) => {
    const firestore = db()
    const snap = await firestore.doc(paths.event(eventId)).get()
    if (!snap.exists) throw new HttpsError('not-found', 'There is no such event.', { reason: 'event-not-found' })
    const event = storedEvent(snap)
    if (caller.role === 'staff' && (event.place.kind !== 'partner' || event.place.partnerId !== caller.partnerId)) {
      throw new HttpsError('permission-denied', 'Staff open the door screen of their own store’s events only.', { reason: 'event-not-your-store' })
    }
    return { eventId, key: await doorKey(firestore, eventId), stepSeconds: EVENT_STEP_SECONDS }
  },
)
