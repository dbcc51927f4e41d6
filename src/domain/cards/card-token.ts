import { base32, constantTimeEqual, hmacSha256 } from '../shared/crypto'
import { parseMemberNumber } from './member-number'
import { secondsToNextStep as secondsToNextStepOf, stepAt } from '../shared/time-step'

/**
 * The wallet card's QR: `V1.<memberNo>.<timeStep>.<code>` (31 characters, upper case so the QR
 * uses its compact alphanumeric mode). The code is an HMAC of the member and the 30-second time
 * step under the member's own card key, which the phone keeps: the card rotates offline, and a
 * screenshot is useless a minute later.
 */
export const CARD_TOKEN_VERSION = 'V1'
export const CARD_STEP_SECONDS = 30
/** Accepted steps either side of the scan time (clock drift between phone and server). */
export const CARD_STEP_WINDOW = 1
const CODE_LENGTH = 10

export type CardTokenRefusal = 'token-malformed' | 'token-bad-signature' | 'token-expired'

export interface ParsedCardToken {
  memberNo: string
  step: number
  code: string
}

export function timeStep(at: Date | number): number {
  return stepAt(at, CARD_STEP_SECONDS)
}

/** Seconds until the token shown now changes (for the countdown on the card). */
export function secondsToNextStep(at: Date | number): number {
  return secondsToNextStepOf(at, CARD_STEP_SECONDS)
}

export async function cardCode(key: Uint8Array, memberNo: string, step: number): Promise<string> {
  return base32(await hmacSha256(key, `${CARD_TOKEN_VERSION}.${memberNo}.${step}`)).slice(0, CODE_LENGTH)
}

export async function createCardToken(key: Uint8Array, memberNo: string, at: Date | number): Promise<string> {
  const step = timeStep(at)
  return `${CARD_TOKEN_VERSION}.${memberNo}.${step}.${await cardCode(key, memberNo, step)}`
}

export function parseCardToken(token: string): ParsedCardToken | null {
  const parts = token.trim().toUpperCase().split('.')
  if (parts.length !== 4 || parts[0] !== CARD_TOKEN_VERSION) return null
  const [, number, stepText, code] = parts as [string, string, string, string]
  const memberNo = parseMemberNumber(number)
  if (!memberNo || !/^\d{1,12}$/.test(stepText) || !/^[A-Z2-7]+$/.test(code) || code.length !== CODE_LENGTH) return null
  return { memberNo, step: Number(stepText), code }
}

/**
 * Checks a token against the member's key at the moment of the scan: the signature first (in
 * constant time), then the time window. Replays within the window are stopped by the server,
 * which records every accepted token.
 */
export async function verifyCardToken(
  token: ParsedCardToken,
  key: Uint8Array,
  scannedAt: Date | number,
): Promise<{ ok: true } | { ok: false; reason: CardTokenRefusal }> {
  const expected = await cardCode(key, token.memberNo, token.step)
  if (!constantTimeEqual(expected, token.code)) return { ok: false, reason: 'token-bad-signature' }
  if (Math.abs(token.step - timeStep(scannedAt)) > CARD_STEP_WINDOW) return { ok: false, reason: 'token-expired' }
  return { ok: true }
}
