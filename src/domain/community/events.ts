import { z } from 'zod'
import type { LocalizedText } from '../shared/locale'
import { SLUG_PATTERN } from '../shared/paths'

/**
 * Club events and workshops: operators write the event (seeded for now), members RSVP through
 * `rsvpEvent` and check in at the door through `checkInEvent`. The seat rules below are pure, so
 * the server decides with them and the tests can read them.
 */
export const EVENT_STATUSES = ['published', 'cancelled'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]

export const ATTENDEE_STATUSES = ['going', 'waiting', 'cancelled'] as const
export type AttendeeStatus = (typeof ATTENDEE_STATUSES)[number]

/** The most guests any event allows one member to bring (an event may allow fewer). */
export const EVENT_MAX_GUESTS = 3
/** The waiting list's length: past it, a full event says so instead of queueing forever. */
export const WAITING_LIST_MAX = 200
/** The door opens this long before the start; check-in closes at the end. */
export const DOOR_OPENS_MINUTES = 120

const localizedText = z.object({ he: z.string().min(1).max(2000), en: z.string().min(1).max(2000) })

export const EventPlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('partner'), partnerId: z.string().regex(SLUG_PATTERN) }),
  z.object({ kind: z.literal('online'), url: z.string().url().startsWith('https://') }),
])
export type EventPlace = z.infer<typeof EventPlaceSchema>

/** An event as operators write it (`events/{eventId}`); the server keeps the seat totals beside it. */
export const ClubEventSchema = z
  .object({
    id: z.string().regex(SLUG_PATTERN),
    title: localizedText,
    description: localizedText,
    startsAt: z.date(),
    endsAt: z.date(),
    place: EventPlaceSchema,
    capacity: z.number().int().min(1).max(10_000),
    /** Tiers that may RSVP; empty means every member. */
    tierIds: z.array(z.string().regex(SLUG_PATTERN)).max(12),
    /** A picture served by the app itself (`/events/…` under public/). */
    image: z.string().regex(/^\/[\w\-/.]{1,200}$/).nullable(),
    maxGuests: z.number().int().min(0).max(EVENT_MAX_GUESTS),
    /** Paid once at the door check-in; 0 pays nothing. */
    points: z.number().int().min(0).max(10_000),
    status: z.enum(EVENT_STATUSES),
  })
  .refine((e) => e.endsAt.getTime() > e.startsAt.getTime(), { message: 'ends after it starts', path: ['endsAt'] })
export type ClubEvent = z.infer<typeof ClubEventSchema>

/** A place in the waiting list as the event document shows it: an opaque id and the party's seats. */
export interface QueueSlot {
  id: string
  seats: number
}

/** The event's seat totals, written only by the server beside the operator's fields. */
export interface SeatState {
  capacity: number
  seatsTaken: number
  /** The waiting list in order of arrival. */
  queue: QueueSlot[]
}

export const seatsFor = (guests: number) => 1 + guests

export function seatsLeft(state: Pick<SeatState, 'capacity' | 'seatsTaken'>): number {
  return Math.max(0, state.capacity - state.seatsTaken)
}

/**
 * Who leaves the waiting list when seats are free, in order of arrival: each party that fits in
 * what is left goes; a party too big for the seats left stays at its place (it keeps its turn for
 * the next seats), and a later, smaller party that fits may go. The waiting list is never unfair
 * to anyone it skips: a skipped party could not have used the seats.
 */
export function promote(state: SeatState): { promoted: QueueSlot[]; state: SeatState } {
  let free = seatsLeft(state)
  const promoted: QueueSlot[] = []
  const queue: QueueSlot[] = []
  for (const slot of state.queue) {
    if (slot.seats <= free) {
      promoted.push(slot)
      free -= slot.seats
    } else queue.push(slot)
  }
  const taken = promoted.reduce((sum, s) => sum + s.seats, state.seatsTaken)
  return { promoted, state: { ...state, seatsTaken: taken, queue } }
}

/** Where a member stands before the request: nothing yet (or cancelled), going, or waiting. */
export type Standing = { status: 'none' } | { status: 'going'; seats: number } | { status: 'waiting'; seats: number; queueId: string }

export type RsvpDecision =
  | { ok: true; status: 'going' | 'waiting' | 'cancelled'; seats: number; state: SeatState; promoted: QueueSlot[]; changed: boolean }
  | { ok: false; reason: 'event-no-seats-for-guests' | 'event-waiting-full' }

/**
 * Decides a member's RSVP against the event's seats (the server commits the outcome only if the
 * event is still as it was read, so parallel requests are judged one after another):
 * - joining goes when the party fits the seats left, else joins the end of the waiting list;
 * - a going member who adds guests keeps the seat only if the extra guests fit (else refused, the
 *   reservation unchanged); fewer guests free seats for the waiting list;
 * - a waiting member who changes guests keeps the place in the list, and goes once it fits;
 * - cancelling frees the seats (or the place) and promotes the waiting list as far as they go.
 */
export function decideRsvp(state: SeatState, standing: Standing, action: 'join' | 'cancel', guests: number, queueId: string): RsvpDecision {
  const seats = seatsFor(guests)
  if (action === 'cancel') {
    if (standing.status === 'none') return { ok: true, status: 'cancelled', seats: 0, state, promoted: [], changed: false }
    if (standing.status === 'waiting') {
      return { ok: true, status: 'cancelled', seats: 0, state: { ...state, queue: state.queue.filter((s) => s.id !== standing.queueId) }, promoted: [], changed: true }
    }
    const freed = promote({ ...state, seatsTaken: state.seatsTaken - standing.seats })
    return { ok: true, status: 'cancelled', seats: 0, state: freed.state, promoted: freed.promoted, changed: true }
  }
  if (standing.status === 'going') {
    if (seats === standing.seats) return { ok: true, status: 'going', seats, state, promoted: [], changed: false }
    const taken = state.seatsTaken - standing.seats + seats
    if (taken > state.capacity) return { ok: false, reason: 'event-no-seats-for-guests' }
    const next = promote({ ...state, seatsTaken: taken })
    return { ok: true, status: 'going', seats, state: next.state, promoted: next.promoted, changed: true }
  }
  if (standing.status === 'waiting') {
    if (seats === standing.seats) return { ok: true, status: 'waiting', seats, state, promoted: [], changed: false }
    const queue = state.queue.map((s) => (s.id === standing.queueId ? { ...s, seats } : s))
    const next = promote({ ...state, queue })
    const goes = next.promoted.some((s) => s.id === standing.queueId)
    return {
      ok: true,
      status: goes ? 'going' : 'waiting',
      seats,
      state: next.state,
      promoted: next.promoted.filter((s) => s.id !== standing.queueId),
      changed: true,
    }
  }
  if (seats <= seatsLeft(state)) {
    return { ok: true, status: 'going', seats, state: { ...state, seatsTaken: state.seatsTaken + seats }, promoted: [], changed: true }
  }
  if (state.queue.length >= WAITING_LIST_MAX) return { ok: false, reason: 'event-waiting-full' }
  return { ok: true, status: 'waiting', seats, state: { ...state, queue: [...state.queue, { id: queueId, seats }] }, promoted: [], changed: true }
}

/** The member's place in the waiting list (1 is next), or null when not in it. */
export function waitingNumber(queue: readonly QueueSlot[], queueId: string | null): number | null {
  if (!queueId) return null
  const index = queue.findIndex((s) => s.id === queueId)
  return index < 0 ? null : index + 1
}

/** Whether a member of `tierId` may RSVP (an empty list is every member). */
export function tierAllowed(tierIds: readonly string[], memberTiers: readonly string[]): boolean {
  return tierIds.length === 0 || memberTiers.some((t) => tierIds.includes(t))
}

/** Whether the door is open for check-in at `now`: from shortly before the start to the end. */
export function doorOpen(event: Pick<ClubEvent, 'startsAt' | 'endsAt'>, now: number): boolean {
  return now >= event.startsAt.getTime() - DOOR_OPENS_MINUTES * 60_000 && now <= event.endsAt.getTime()
}

/** An event as the app shows it (seat totals included; no secret). */
export interface EventView {
  id: string
  title: LocalizedText
  description: LocalizedText
  startsAt: Date
  endsAt: Date
  place: EventPlace
  capacity: number
  tierIds: string[]
  image: string | null
  maxGuests: number
  points: number
  status: EventStatus
  seatsTaken: number
  queue: QueueSlot[]
}

/** The member's own attendee document as the app reads it. */
export interface MyAttendance {
  status: AttendeeStatus
  guests: number
  seats: number
  queueId: string | null
  checkedInAt: Date | null
}

const requestId = z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -')

export const RsvpEventInputSchema = z.strictObject({
  eventId: z.string().regex(SLUG_PATTERN),
  action: z.enum(['join', 'cancel']),
  guests: z.number().int().min(0).max(EVENT_MAX_GUESTS),
  requestId,
})
export type RsvpEventInput = z.input<typeof RsvpEventInputSchema>

export interface RsvpEventResult {
  eventId: string
  status: AttendeeStatus
  guests: number
  /** Place in the waiting list (1 is next) when waiting. */
  waitingNumber: number | null
  seatsLeft: number
  replayed: boolean
}

export const CheckInEventInputSchema = z.strictObject({
  // The code as scanned (or the door screen's link); parsed and verified on the server.
  code: z.string().min(1).max(400),
  requestId,
})
export type CheckInEventInput = z.input<typeof CheckInEventInputSchema>

export interface CheckInEventResult {
  eventId: string
  points: number
  /** The member was already checked in: nothing paid again. */
  already: boolean
}

export const EventIdInputSchema = z.strictObject({ eventId: z.string().regex(SLUG_PATTERN) })
export type EventIdInput = z.input<typeof EventIdInputSchema>

export interface EventDoorKeyResult {
  eventId: string
  key: string
  stepSeconds: number
}
