// Visit codes as a member's phone would scan them: the printed poster, the counter screen.
import type { CheckInResult } from '../../../src/domain/contracts/callable-results'
import type { CheckInInput } from '../../../src/domain/contracts/callable-schemas'
import { createCounterCode } from '../../../src/domain/partners/counter-code'
import { counterKeyBytes } from '../../../functions/src/partners/partner-secrets'
import { posterCodeFor } from '../../../functions/src/partners/poster-key'
import { demoPartners } from '../../../scripts/demo-club'
import type { Client } from './club'
import { requestId } from './club'
import { admin } from './emulators'

/** The partner's current poster code (or an older version of it). */
export function printedCode(partnerId: string, version?: number): Promise<string> {
  return posterCodeFor(admin().db, partnerId, version)
}

/** What the partner's counter screen shows at `at` (now by default). */
export async function screenCode(partnerId: string, at: number = Date.now()): Promise<string> {
  return createCounterCode(await counterKeyBytes(admin().db, partnerId), partnerId, at)
}

/** A precise fix at the store's door. */
export function atTheStore(partnerId: string, accuracy = 15) {
  const partner = demoPartners.find((p) => p.id === partnerId)
  if (!partner) throw new Error(`no demo partner ${partnerId}`)
  return { ...partner.location, accuracy }
}

export function visit(member: Client, input: Omit<CheckInInput, 'requestId'> & { requestId?: string }): Promise<CheckInResult> {
  return member.call<CheckInInput, CheckInResult>('checkIn', { requestId: requestId(), ...input })
}

/** Demo partners by visit mode (the café has a counter screen, the others posters). */
export const SCREEN_PARTNER = 'cafe-shachar'
export const PRINTED_PARTNER = 'carmel-books'
