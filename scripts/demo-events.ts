// The demo club's events: a latte-art workshop at Café Shachar next Friday at 10:00 (club time),
// with seats already taken through the same server code as rsvpEvent, and an online talk.
import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { ClubEventSchema, type ClubEvent } from '../src/domain/community/events'
import { addDays, localDate } from '../src/domain/shared/calendar'
import type { ClubConfig } from '../src/domain/shared/club-config'
import { paths } from '../src/domain/shared/paths'
import { rsvpEvent } from '../functions/src/community/events'

/** The moment it is `hh:mm` on `date` in `timeZone` (two passes settle a daylight-saving change). */
export function zonedTime(date: string, hh: number, mm: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  let guess = Date.UTC(y, m - 1, d, hh, mm)
  for (let i = 0; i < 2; i++) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
        .formatToParts(new Date(guess))
        .map((p) => [p.type, Number(p.value)]),
    ) as Record<string, number>
    const shown = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!)
    guess += Date.UTC(y, m - 1, d, hh, mm) - shown
  }
  return new Date(guess)
}

/** The first Friday after today on the club's calendar. */
function nextFriday(now: Date, timeZone: string): string {
  let day = addDays(localDate(now, timeZone), 1)
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 5) day = addDays(day, 1)
  return day
}

export const LATTE_EVENT_ID = 'latte-art-workshop'
export const ONLINE_EVENT_ID = 'smart-shopping-talk'

export function demoEvents(now: Date, timeZone: string): ClubEvent[] {
  const friday = nextFriday(now, timeZone)
  const talkDay = addDays(localDate(now, timeZone), 10)
  return [
    {
      id: LATTE_EVENT_ID,
      title: { he: 'סדנת לאטה ארט בקפה שחר', en: 'Latte art workshop at Café Shachar' },
      description: {
        he: 'שעה וחצי עם הבריסטה של קפה שחר: הקצפת חלב, לב, טוליפ ורוזטה. כל משתתף מכין ארבעה משקאות ולוקח הביתה את הכוס שלו.',
        en: 'Ninety minutes with Café Shachar’s barista: steaming milk, a heart, a tulip and a rosetta. Everyone makes four drinks and takes their own cup home.',
      },
      startsAt: zonedTime(friday, 10, 0, timeZone),
      endsAt: zonedTime(friday, 11, 30, timeZone),
      place: { kind: 'partner', partnerId: 'cafe-shachar' },
      capacity: 12,
      tierIds: [],
      image: '/brand/logo.svg',
      maxGuests: 3,
      points: 40,
      status: 'published',
    },
    {
      id: ONLINE_EVENT_ID,
      title: { he: 'הרצאה מקוונת: קניות חכמות לבית', en: 'Online talk: smart shopping for the home' },
      description: {
        he: 'איך לתכנן קניות שבועיות, לקרוא מבצעים ולחסוך בלי לוותר. הרצאה בזום לחברי זהב ופלטינה, עם זמן לשאלות.',
        en: 'How to plan the weekly shop, read special offers and save without settling. A Zoom talk for Gold and Platinum members, with time for questions.',
      },
      startsAt: zonedTime(talkDay, 20, 0, timeZone),
      endsAt: zonedTime(talkDay, 21, 0, timeZone),
      place: { kind: 'online', url: 'https://zoom.us/j/0000000000' },
      capacity: 100,
      tierIds: ['gold', 'platinum'],
      image: null,
      maxGuests: 0,
      points: 15,
      status: 'published',
    },
  ]
}

/**
 * Writes an event as an operator would: its own fields, validated. The seat totals belong to
 * rsvpEvent: made empty with the event, never reset when the event is written again.
 */
export async function writeEvent(db: Firestore, input: ClubEvent): Promise<void> {
  const { id, startsAt, endsAt, ...rest } = ClubEventSchema.parse(input)
  const ref = db.doc(paths.event(id))
  const fields = { ...rest, startsAt: Timestamp.fromDate(startsAt), endsAt: Timestamp.fromDate(endsAt) }
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref)
    if (snap.exists) tx.update(ref, fields)
    else tx.create(ref, { ...fields, seatsTaken: 0, queue: [], waitingCount: 0, rsvpVersion: 0 })
  })
}

export async function seedDemoEvents(db: Firestore, config: ClubConfig, now: Date): Promise<void> {
  for (const event of demoEvents(now, config.timeZone)) await writeEvent(db, event)
  // Dana (Gold) comes to the workshop with a friend and signed up for the talk.
  await rsvpEvent(db, { uid: 'demo-dana', input: { eventId: LATTE_EVENT_ID, action: 'join', guests: 1, requestId: 'demo-rsvp-latte-dana' }, config, at: now })
  await rsvpEvent(db, { uid: 'demo-dana', input: { eventId: ONLINE_EVENT_ID, action: 'join', guests: 0, requestId: 'demo-rsvp-talk-dana' }, config, at: now })
}
