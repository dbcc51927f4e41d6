import { base32, constantTimeEqual, hmacSha256 } from '../shared/crypto'
import { visitCodeText } from './poster-code'
import { SLUG_PATTERN } from '../shared/paths'
import { secondsToNextStep, stepAt } from '../shared/time-step'

/**
 * A screen visit code: `S1.<partnerId>.<timeStep>.<code>`, shown by a device at the partner's
 * counter. The code is an HMAC of the partner and the 30-second time step under the partner's
 * own counter key, which the counter device fetched once and keeps, so the screen rotates offline
 * like the member's card. The server judges the step by its own clock, so a photo of the screen
 * is worthless a minute later.
 */
export const COUNTER_CODE_VERSION = 'S1'
export const COUNTER_STEP_SECONDS = 30
/** Accepted steps either side of the server's time (clock drift of the counter device). */
export const COUNTER_STEP_WINDOW = 1
const CODE_LENGTH = 12

export interface ParsedCounterCode {
  partnerId: string
  step: number
  code: string
}

export function counterStep(at: Date | number): number {
  return stepAt(at, COUNTER_STEP_SECONDS)
}

export function secondsToNextCounterStep(at: Date | number): number {
  return secondsToNextStep(at, COUNTER_STEP_SECONDS)
}

/**
 * The version prefix names what the code admits to (`S1` a store's counter, `E1` an event's door,
 * see src/domain/community/event-code.ts); it is inside the signed text, so a code of one kind
 * never verifies as the other even under the same key.
 */
export async function counterCode(key: Uint8Array, partnerId: string, step: number, version: string = COUNTER_CODE_VERSION): Promise<string> {
  return base32(await hmacSha256(key, `${version}.${partnerId}.${step}`)).slice(0, CODE_LENGTH)
}

export async function createCounterCode(key: Uint8Array, partnerId: string, at: Date | number, version: string = COUNTER_CODE_VERSION): Promise<string> {
  const step = counterStep(at)
  return `${version}.${partnerId}.${step}.${await counterCode(key, partnerId, step, version)}`
}

export function parseCounterCode(input: string, version: string = COUNTER_CODE_VERSION): ParsedCounterCode | null {
  const text = visitCodeText(input)
  if (text === null) return null
  const parts = text.split('.')
  if (parts.length !== 4 || parts[0] !== version) return null
  const [, partnerId, stepText, code] = parts as [string, string, string, string]
  if (!SLUG_PATTERN.test(partnerId) || !/^\d{1,12}$/.test(stepText)) return null
  if (code.length !== CODE_LENGTH || !/^[A-Z2-7]+$/.test(code)) return null
  return { partnerId, step: Number(stepText), code }
}

export type CounterCodeVerdict = 'ok' | 'forged' | 'expired'

/** The signature first (in constant time), then the step against the server's clock. */
export async function verifyCounterCode(
  key: Uint8Array,
  parsed: ParsedCounterCode,
  now: Date | number,
  version: string = COUNTER_CODE_VERSION,
): Promise<CounterCodeVerdict> {
  const expected = await counterCode(key, parsed.partnerId, parsed.step, version)
  if (!constantTimeEqual(expected, parsed.code)) return 'forged'
  return Math.abs(parsed.step - counterStep(now)) > COUNTER_STEP_WINDOW ? 'expired' : 'ok'
}
