import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { CheckInEventResult, EventDoorKeyResult, EventView, MyAttendance, RsvpEventResult } from '@/domain/community/events'
import { parseEventCode } from '@/domain/community/event-code'
import { fromBase64 } from '@/domain/shared/crypto'
import { AppError, isTransient } from '@/domain/shared/errors'
import { intentRequestId, onForgetAll, recall, remember, settleIntent } from '@/services/device-storage'
import { checkInEvent, getEventDoorKey, rsvpEvent, watchEvent, watchEvents, watchMyAttendance } from '@/services/firebase/community-api'
import { useSessionStore } from './session'

const RSVP_INTENT = 'event-rsvp'
const DOOR_INTENT = 'event-door'
const doorCache = (eventId: string) => `eventDoorKey.${eventId}`

/**
 * Club events: the list, one event with the member's own RSVP (both live, so a promotion from the
 * waiting list shows at once), RSVPs and the check-in at the door, and the door screen's key.
 */
export const useEventsStore = defineStore('events', () => {
  const session = useSessionStore()
  const list = ref<EventView[]>([])
  const listLoaded = ref(false)
  const current = ref<EventView | null | undefined>(undefined)
  const mine = ref<MyAttendance | null>(null)
  const error = shallowRef<unknown>(null)
  const doorKey = shallowRef<Uint8Array | null>(null)
  const doorEventId = ref<string | null>(null)
  let listStop: (() => void) | null = null
  const eventStops: (() => void)[] = []

  onForgetAll(() => {
    doorKey.value = null
    doorEventId.value = null
  })

  const upcoming = computed(() => [...list.value].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()))

  function startList(): void {
    if (listStop) return
    listStop = watchEvents(
      (events) => {
        list.value = events
        listLoaded.value = true
      },
      (e) => (error.value = e),
    )
  }

  function stopList(): void {
    listStop?.()
    listStop = null
  }

  /** Follows one event and the member's RSVP to it (staff follow the event only). */
  function open(eventId: string): void {
    close()
    current.value = undefined
    mine.value = null
    eventStops.push(watchEvent(eventId, (event) => (current.value = event), (e) => (error.value = e)))
    const uid = session.user?.role === 'member' ? session.user.uid : null
    if (uid) eventStops.push(watchMyAttendance(eventId, uid, (m) => (mine.value = m), (e) => (error.value = e)))
  }

  function close(): void {
    for (const stop of eventStops.splice(0)) stop()
  }

  /**
   * One request id per RSVP intent (event, action and guests), kept until a definitive answer: a
   * retry after a lost answer is answered as the first time, not decided again.
   */
  async function rsvp(eventId: string, action: 'join' | 'cancel', guests: number): Promise<RsvpEventResult> {
    const subject = `${eventId}:${action}:${guests}`
    const requestId = intentRequestId(RSVP_INTENT, subject)
    try {
      const result = await rsvpEvent({ eventId, action, guests, requestId })
      settleIntent(RSVP_INTENT, subject)
      return result
    } catch (e) {
      if (!(e instanceof AppError && isTransient(e.code))) settleIntent(RSVP_INTENT, subject)
      throw e
    }
  }

  /** Whether a scanned text is an event's door code, and for which event. */
  function eventOfCode(text: string): string | null {
    return parseEventCode(text)?.eventId ?? null
  }

  async function checkIn(code: string): Promise<CheckInEventResult> {
    const eventId = eventOfCode(code)
    if (!eventId) throw new AppError('failed-precondition', 'event-code-forged', [], 'event-code-forged')
    const requestId = intentRequestId(DOOR_INTENT, eventId)
    try {
      const result = await checkInEvent({ code, requestId })
      settleIntent(DOOR_INTENT, eventId)
      return result
    } catch (e) {
      if (!(e instanceof AppError && isTransient(e.code))) settleIntent(DOOR_INTENT, eventId)
      throw e
    }
  }

  /** The door screen's key, kept on the device so the code keeps rotating offline; refreshed online. */
  async function ensureDoorKey(eventId: string): Promise<void> {
    const local = recall<EventDoorKeyResult>(doorCache(eventId))
    const fetching = getEventDoorKey({ eventId }).then((fetched) => {
      remember(doorCache(eventId), fetched)
      doorKey.value = fromBase64(fetched.key)
      doorEventId.value = eventId
    })
    if (local && typeof local.key === 'string') {
      doorKey.value = fromBase64(local.key)
      doorEventId.value = eventId
      fetching.catch(() => undefined)
      return
    }
    await fetching
  }

  return { list, listLoaded, upcoming, current, mine, error, doorKey, doorEventId, startList, stopList, open, close, rsvp, eventOfCode, checkIn, ensureDoorKey }
})
