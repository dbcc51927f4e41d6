import { randomBytes } from 'node:crypto'
import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import {
  decideRsvp,
  doorOpen,
  seatsLeft,
  tierAllowed,
  waitingNumber,
  type CheckInEventInput,
  type CheckInEventResult,
  type EventPlace,
  type QueueSlot,
  type RsvpEventInput,
  type RsvpEventResult,
  type SeatState,
  type Standing,
} from '../../../src/domain/community/events'
import { parseEventCode, verifyEventCode } from '../../../src/domain/community/event-code'
import { localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { fromBase64, toBase64 } from '../../../src/domain/shared/crypto'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { planCredit } from '../ledger/award'
import { runLedgerOperation } from '../ledger/transaction'
import { commitIfUnchanged } from '../lib/optimistic'

/** What the server needs of an event document (operator fields and the seat totals). */
export interface StoredEvent {
  id: string
  status: string
  startsAt: Date
  endsAt: Date
  place: EventPlace
  capacity: number
  tierIds: string[]
  maxGuests: number
  points: number
  seats: SeatState
}

const dateOf = (value: unknown) => (value instanceof Timestamp ? value.toDate() : new Date(0))

export function storedEvent(snap: DocumentSnapshot): StoredEvent {
  const queue = Array.isArray(snap.get('queue')) ? (snap.get('queue') as QueueSlot[]).map((s) => ({ id: String(s.id), seats: Number(s.seats) })) : []
  const capacity = Number(snap.get('capacity') ?? 0)
  return {
    id: snap.id,
    status: String(snap.get('status')),
    startsAt: dateOf(snap.get('startsAt')),
    endsAt: dateOf(snap.get('endsAt')),
    place: snap.get('place') as EventPlace,
    capacity,
    tierIds: Array.isArray(snap.get('tierIds')) ? (snap.get('tierIds') as string[]) : [],
    maxGuests: Number(snap.get('maxGuests') ?? 0),
    points: Number(snap.get('points') ?? 0),
    seats: { capacity, seatsTaken: Number(snap.get('seatsTaken') ?? 0), queue },
  }
}

const notFound = () => new HttpsError('not-found', 'There is no such event.', { reason: 'event-not-found' })

function standingOf(attendee: DocumentSnapshot): Standing {
  const status = attendee.get('status')
  const seats = Number(attendee.get('seats') ?? 1)
  if (status === 'going') return { status: 'going', seats }
  if (status === 'waiting') return { status: 'waiting', seats, queueId: String(attendee.get('queueId')) }
  return { status: 'none' }
}

/** The member's tiers now: their own, and a tier lent to them that has not run out. */
function memberTiers(member: DocumentSnapshot, config: ClubConfig, now: Date): string[] {
  const tiers = [String(member.get('tierId') ?? '')]
  const boost = member.get('tierBoost') as { tierId?: unknown; until?: unknown } | null | undefined
  if (boost && typeof boost.tierId === 'string' && typeof boost.until === 'string' && boost.until >= localDate(now, config.timeZone)) tiers.push(boost.tierId)
  return tiers
}

/** Waiting list ids are random: the event document shows the list's order without naming anyone. */
const newQueueId = () => randomBytes(9).toString('base64url')

/** 20 members at once on one event: each round of the race lets one through, so allow enough rounds. */
const RSVP_ATTEMPTS = 40

/**
 * `rsvpEvent`: joins (or changes the guests of) a member's RSVP, or cancels it. The decision is
 * `decideRsvp` over the event's seat totals; the attendee documents (the member's own and those
 * the waiting list promotes) are written in one batch with the event's new totals, committed only
 * if the event is unchanged since it was read (`commitIfUnchanged`), so parallel requests are
 * judged one after another and the event is never over capacity. A request id seen last on the
 * member's RSVP answers with where the member stands, without deciding again.
 */
export async function rsvpEvent(
  db: Firestore,
  params: { uid: string; input: RsvpEventInput; config: ClubConfig; at?: Date },
): Promise<RsvpEventResult> {
  const { uid, input, config } = params
  const eventRef = db.doc(paths.event(input.eventId))
  const attendeeRef = db.doc(paths.eventAttendee(input.eventId, uid))
  const member = await db.doc(paths.member(uid)).get()
  if (!member.exists) throw new HttpsError('failed-precondition', 'Join the club to take part.', { reason: 'not-a-member' })

  return commitIfUnchanged(
    db,
    eventRef,
    async (snap, batch) => {
      if (!snap.exists) throw notFound()
      const event = storedEvent(snap)
      const attendee = await attendeeRef.get()
      const answer = (status: RsvpEventResult['status'], guests: number, queueId: string | null, seats: SeatState, replayed: boolean): RsvpEventResult => ({
        eventId: event.id,
        status,
        guests,
        waitingNumber: status === 'waiting' ? waitingNumber(seats.queue, queueId) : null,
        seatsLeft: seatsLeft(seats),
        replayed,
      })
      if (attendee.exists && attendee.get('requestId') === input.requestId) {
        const status = attendee.get('status') as RsvpEventResult['status']
        return { result: answer(status, Number(attendee.get('guests') ?? 0), attendee.get('queueId') ?? null, event.seats, true), guard: null }
      }
      const now = params.at ?? new Date()
      if (event.status !== 'published') throw new HttpsError('failed-precondition', 'This event was cancelled.', { reason: 'event-cancelled' })
      if (now.getTime() >= event.startsAt.getTime()) {
        throw new HttpsError('failed-precondition', 'This event has already started.', { reason: 'event-past' })
      }
      if (input.action === 'join') {
        if (!tierAllowed(event.tierIds, memberTiers(member, config, now))) {
          throw new HttpsError('permission-denied', 'This event is for other tiers.', { reason: 'event-tier' })
        }
        if (input.guests > event.maxGuests) {
          throw new HttpsError('invalid-argument', `At most ${event.maxGuests} guests.`, {
            reason: 'event-too-many-guests',
            max: event.maxGuests,
            fields: [{ path: 'guests', message: 'too many guests' }],
          })
        }
      }
      const standing = standingOf(attendee)
      const queueId = standing.status === 'waiting' ? standing.queueId : newQueueId()
      const decided = decideRsvp(event.seats, standing, input.action, input.guests, queueId)
      if (!decided.ok) {
        const message = decided.reason === 'event-waiting-full' ? 'The waiting list is full.' : 'There are not enough seats for more guests.'
        throw new HttpsError('failed-precondition', message, { reason: decided.reason })
      }
      const guests = decided.status === 'cancelled' ? 0 : input.guests
      const at = Timestamp.fromDate(now)
      const fresh = standing.status === 'none'
      const kept = (field: string) => (fresh ? null : (attendee.get(field) ?? null))
      batch.set(attendeeRef, {
        uid,
        status: decided.status,
        guests,
        seats: decided.status === 'cancelled' ? 0 : decided.seats,
        queueId: decided.status === 'waiting' ? queueId : null,
        rsvpAt: kept('rsvpAt') ?? at,
        waitingSince: decided.status === 'waiting' ? (kept('waitingSince') ?? at) : null,
        cancelledAt: decided.status === 'cancelled' ? at : null,
        checkedInAt: attendee.get('checkedInAt') ?? null,
        requestId: input.requestId,
        updatedAt: at,
      })
      if (decided.promoted.length > 0) {
        // Only the members the decision promotes: their queue ids are on their attendee documents.
        const ids = new Set(decided.promoted.map((s) => s.id))
        const waiting = await db.collection(paths.eventAttendees(event.id)).where('status', '==', 'waiting').get()
        for (const doc of waiting.docs) {
          if (doc.id !== uid && ids.has(String(doc.get('queueId')))) {
            batch.update(doc.ref, { status: 'going', queueId: null, waitingSince: null, promotedAt: at, updatedAt: at })
          }
        }
      }
      // Every write bumps the event, even one that moves no seat: an attendee document is only
      // ever written under the event's precondition, so no stale read (a member promoted meanwhile)
      // can overwrite a newer state.
      const guard = {
        seatsTaken: decided.state.seatsTaken,
        queue: decided.state.queue,
        waitingCount: decided.state.queue.length,
        rsvpVersion: FieldValue.increment(1),
      }
      return { result: answer(decided.status, guests, queueId, decided.state, false), guard }
    },
    { attempts: RSVP_ATTEMPTS },
  )
}

/** The event's door key (server-only), made on first use. */
export async function doorKey(db: Firestore, eventId: string): Promise<string> {
  const ref = db.doc(paths.eventSecret(eventId))
  const existing = await ref.get()
  if (existing.exists) return String(existing.get('doorKey'))
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref)
    if (snap.exists) return String(snap.get('doorKey'))
    const key = toBase64(randomBytes(32))
    tx.create(ref, { doorKey: key, createdAt: Timestamp.now() })
    return key
  })
}

const forged = () => new HttpsError('failed-precondition', 'This is not a genuine event code.', { reason: 'event-code-forged' })

/**
 * `checkInEvent`: a member who is `going` scans the door screen's rotating code while the door is
 * open. The attendance points are paid through the ledger under one fixed entry per member and
 * event, with `checkedInAt` in the same transaction: 20 parallel check-ins pay once.
 */
export async function checkInEvent(
  db: Firestore,
  params: { uid: string; input: CheckInEventInput; config: ClubConfig; at?: Date },
): Promise<CheckInEventResult> {
  const { uid, input, config } = params
  const parsed = parseEventCode(input.code)
  if (!parsed) throw forged()
  const snap = await db.doc(paths.event(parsed.eventId)).get()
  if (!snap.exists) throw forged()
  const event = storedEvent(snap)
  const now = params.at ?? new Date()
  const verdict = await verifyEventCode(fromBase64(await doorKey(db, event.id)), parsed, now)
  if (verdict === 'forged') throw forged()
  if (verdict === 'expired') throw new HttpsError('failed-precondition', 'This code has expired; scan the screen again.', { reason: 'event-code-expired' })
  if (event.status !== 'published') throw new HttpsError('failed-precondition', 'This event was cancelled.', { reason: 'event-cancelled' })
  if (!doorOpen(event, now.getTime())) throw new HttpsError('failed-precondition', 'Check-in is open around the event only.', { reason: 'event-door-closed' })

  const attendeeRef = db.doc(paths.eventAttendee(event.id, uid))
  const notGoing = () => new HttpsError('failed-precondition', 'Only members with a seat check in.', { reason: 'event-not-going' })
  const at = Timestamp.fromDate(now)
  if (event.points === 0) {
    return db.runTransaction(async (tx) => {
      const attendee = await tx.get(attendeeRef)
      if (attendee.get('status') !== 'going') throw notGoing()
      if (attendee.get('checkedInAt')) return { eventId: event.id, points: 0, already: true }
      tx.update(attendeeRef, { checkedInAt: at })
      return { eventId: event.id, points: 0, already: false }
    })
  }
  const key = LEDGER_IDS.eventAttendance(event.id)
  // A member scanning again after being let in: answered from the entry, without a transaction.
  const paid = await db.doc(paths.ledgerEntry(uid, key)).get()
  if (paid.exists) return { eventId: event.id, points: Number(paid.get('points')), already: true }
  return runLedgerOperation<CheckInEventResult>(db, {
    uid,
    key,
    config,
    at: params.at,
    forHousehold: true,
    plan: async (ctx) => {
      const attendee = await ctx.tx.get(attendeeRef)
      if (attendee.get('status') !== 'going') throw notGoing()
      const planned = planCredit(ctx, {
        key,
        points: event.points,
        source: 'event',
        reason: 'event_attendance',
        ref: event.id,
        partnerId: event.place.kind === 'partner' ? event.place.partnerId : null,
        by: 'system',
      })
      return {
        ...planned,
        writes: (tx) => tx.update(attendeeRef, { checkedInAt: at }),
        result: { eventId: event.id, points: event.points, already: false },
      }
    },
    replay: (entry) => ({ eventId: event.id, points: Number(entry.get('points')), already: true }),
  })
}
