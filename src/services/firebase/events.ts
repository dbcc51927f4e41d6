import { Timestamp, collection, doc, onSnapshot, query, where, type DocumentData, type Unsubscribe } from 'firebase/firestore'
import { ATTENDEE_STATUSES, EVENT_STATUSES, type EventPlace, type EventView, type MyAttendance } from '@/domain/community/events'
import { COLLECTIONS, paths } from '@/domain/shared/paths'
import { db } from './app'

const toDate = (value: unknown): Date => (value instanceof Timestamp ? value.toDate() : new Date(0))
const text = (value: unknown) => ({ he: String((value as { he?: unknown })?.he ?? ''), en: String((value as { en?: unknown })?.en ?? '') })

function placeOf(value: unknown): EventPlace {
  const place = value as { kind?: unknown; partnerId?: unknown; url?: unknown } | null
  if (place?.kind === 'online' && typeof place.url === 'string' && place.url.startsWith('https://')) return { kind: 'online', url: place.url }
  return { kind: 'partner', partnerId: String(place?.partnerId ?? '') }
}

function eventOf(id: string, d: DocumentData): EventView {
  return {
    id,
    title: text(d.title),
    description: text(d.description),
    startsAt: toDate(d.startsAt),
    endsAt: toDate(d.endsAt),
    place: placeOf(d.place),
    capacity: Number(d.capacity ?? 0),
    tierIds: Array.isArray(d.tierIds) ? d.tierIds.filter((t: unknown): t is string => typeof t === 'string') : [],
    image: typeof d.image === 'string' && d.image.startsWith('/') ? d.image : null,
    maxGuests: Number(d.maxGuests ?? 0),
    points: Number(d.points ?? 0),
    status: EVENT_STATUSES.includes(d.status) ? d.status : 'cancelled',
    seatsTaken: Number(d.seatsTaken ?? 0),
    queue: Array.isArray(d.queue) ? d.queue.map((s: { id?: unknown; seats?: unknown }) => ({ id: String(s.id), seats: Number(s.seats) })) : [],
  }
}

/** Announced events, live (a few dozen at most; the app sorts them by start). */
export function watchEvents(onChange: (events: EventView[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, COLLECTIONS.events), where('status', 'in', [...EVENT_STATUSES])),
    (snap) => onChange(snap.docs.map((d) => eventOf(d.id, d.data()))),
    onError,
  )
}

export function watchEvent(eventId: string, onChange: (event: EventView | null) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    doc(db, paths.event(eventId)),
    (snap) => onChange(snap.exists() ? eventOf(snap.id, snap.data()) : null),
    (error) => ((error as { code?: string }).code === 'permission-denied' ? onChange(null) : onError(error)),
  )
}

/** The member's own RSVP, live: a promotion from the waiting list shows without a reload. */
export function watchMyAttendance(eventId: string, uid: string, onChange: (mine: MyAttendance | null) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    doc(db, paths.eventAttendee(eventId, uid)),
    (snap) => {
      const d = snap.data()
      if (!d) return onChange(null)
      onChange({
        status: ATTENDEE_STATUSES.includes(d.status) ? d.status : 'cancelled',
        guests: Number(d.guests ?? 0),
        seats: Number(d.seats ?? 0),
        queueId: typeof d.queueId === 'string' ? d.queueId : null,
        checkedInAt: d.checkedInAt instanceof Timestamp ? d.checkedInAt.toDate() : null,
      })
    },
    onError,
  )
}
