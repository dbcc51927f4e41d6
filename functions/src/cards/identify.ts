import type { Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { parseCardToken, verifyCardToken, type ParsedCardToken } from '../../../src/domain/card-token'
import { paths } from '../../../src/domain/paths'
import { uidForMemberNumber } from '../lib/lookups'
import { cardKeyBytes } from './card-keys'

/** How far back a scan may be sent from a till that was offline, and how far ahead a clock may run. */
export const OFFLINE_SCAN_MAX_AGE_MS = 72 * 3_600_000
const CLOCK_SKEW_MS = 2 * 60_000

export interface Identified {
  uid: string
  memberNo: string
  /** Present when identified by a card token: the purchase consumes it. */
  token: ParsedCardToken | null
}

/** When the till scanned the card: now, or the offline queue's scan time within bounds. */
export function scanMoment(scannedAt: string | undefined, now = new Date()): Date {
  if (!scannedAt) return now
  const at = new Date(scannedAt)
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new HttpsError('invalid-argument', 'Invalid input — scannedAt: in the future.', { reason: 'scan-in-future' })
  }
  if (now.getTime() - at.getTime() > OFFLINE_SCAN_MAX_AGE_MS) {
    throw new HttpsError('failed-precondition', 'This offline scan is too old to record.', { reason: 'scan-too-old' })
  }
  return at
}

/**
 * Who is at the till: from the card's rotating token (checked against the member's key at the
 * scan time) or from the member number typed by staff. Each refusal has its own reason, so the
 * staff screen can say what is wrong.
 */
export async function identifyMember(
  db: Firestore,
  input: { token?: string; memberNo?: string },
  scannedAt: Date,
): Promise<Identified> {
  if (input.token) {
    const token = parseCardToken(input.token)
    if (!token) throw new HttpsError('invalid-argument', 'This is not a club card code.', { reason: 'token-malformed' })
    const uid = await uidForMemberNumber(db, token.memberNo)
    const key = await cardKeyBytes(db, uid)
    if (!key) throw new HttpsError('failed-precondition', 'This card code was not signed by the club.', { reason: 'token-bad-signature' })
    const verdict = await verifyCardToken(token, key, scannedAt)
    if (!verdict.ok) {
      const message = verdict.reason === 'token-expired' ? 'This card code has expired; ask for the live card.' : 'This card code was not signed by the club.'
      throw new HttpsError('failed-precondition', message, { reason: verdict.reason })
    }
    return { uid, memberNo: token.memberNo, token }
  }
  if (input.memberNo) return { uid: await uidForMemberNumber(db, input.memberNo), memberNo: input.memberNo, token: null }
  throw new HttpsError('invalid-argument', 'Invalid input — token or memberNo: one is required.')
}

export function cardScanPath(token: ParsedCardToken): string {
  return paths.cardScan(token.memberNo, token.step, token.code)
}
