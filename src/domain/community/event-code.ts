import { COUNTER_STEP_SECONDS, createCounterCode, parseCounterCode, verifyCounterCode, type CounterCodeVerdict } from '../partners/counter-code'

/**
 * An event's door code: `E1.<eventId>.<timeStep>.<code>`, the store counter's rotating code with
 * its own version prefix, signed under the event's own door key (kept server-only; the door
 * screen fetches it through `getEventDoorKey`). Same 30-second step, same ±1 step by the server's
 * clock, so a photo of the door screen sent home is refused a minute later.
 */
export const EVENT_CODE_VERSION = 'E1'
export const EVENT_STEP_SECONDS = COUNTER_STEP_SECONDS

export interface ParsedEventCode {
  eventId: string
  step: number
  code: string
}

export function createEventCode(key: Uint8Array, eventId: string, at: Date | number): Promise<string> {
  return createCounterCode(key, eventId, at, EVENT_CODE_VERSION)
}

/** Accepts the bare code or a link carrying it in `?c=` (the door screen's QR). */
export function parseEventCode(input: string): ParsedEventCode | null {
  const parsed = parseCounterCode(input, EVENT_CODE_VERSION)
  return parsed ? { eventId: parsed.partnerId, step: parsed.step, code: parsed.code } : null
}

export function verifyEventCode(key: Uint8Array, parsed: ParsedEventCode, now: Date | number): Promise<CounterCodeVerdict> {
  return verifyCounterCode(key, { partnerId: parsed.eventId, step: parsed.step, code: parsed.code }, now, EVENT_CODE_VERSION)
}
