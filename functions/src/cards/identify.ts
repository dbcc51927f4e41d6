import type { Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { parseCardToken, verifyCardToken, type ParsedCardToken } from '../../../src/domain/cards/card-token'
import type { PurchasePolicy } from '../../../src/domain/shared/club-config'
import { paths } from '../../../src/domain/shared/paths'
import { offlineScanRefusal } from '../../../src/domain/partners/purchase-limits'
import { uidForMemberNumber } from '../lib/lookups'
import { cardKeyBytes } from './card-keys'

export interface Identified {
  uid: string
  memberNo: string
  /** Present when identified by a card token: the purchase consumes it. */
  token: ParsedCardToken | null
}

/**
 * When the card was scanned. Online (no `scannedAt`): now, by the server's clock, so a token is
 * good for its own 30-second step and one either side — about a minute and a half at most. Only
 * the till's offline queue sends a past scan time, within the club's offline window (12 hours by
 * default); such purchases are capped per staff account per day and flagged on the receipt.
 */
export function scanMoment(
  scannedAt: string | undefined,
  policy: Pick<PurchasePolicy, 'offlineWindowHours'>,
  now = new Date(),
): { at: Date; offline: boolean } {
  if (!scannedAt) return { at: now, offline: false }
  const at = new Date(scannedAt)
  const refusal = offlineScanRefusal(policy, at, now)
  if (refusal === 'scan-in-future') {
    throw new HttpsError('invalid-argument', 'Invalid input — scannedAt: in the future.', { reason: refusal })
  }
  if (refusal === 'scan-too-old') {
    throw new HttpsError('failed-precondition', `This offline scan is older than ${policy.offlineWindowHours} hours.`, {
      reason: refusal,
      hours: policy.offlineWindowHours,
    })
  }
  return { at, offline: true }
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
