import { onCall } from 'firebase-functions/v2/https'
import type { CheckInResult } from '../../../src/domain/callable-results'
import { CheckInInputSchema } from '../../../src/domain/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { parseInput, requireAuth } from '../lib/errors'
import { checkIn as scanIn } from './check-in'

/** `checkIn`: a member scans a partner's poster or counter screen to earn for the visit. */
export const checkIn = onCall(async (request): Promise<CheckInResult> => {
  const { uid } = requireAuth(request)
  const input = parseInput(CheckInInputSchema, request.data)
  const firestore = db()
  const config = await loadClubConfig(firestore)
  // A visit is never a referral's first real purchase: only a scanned purchase qualifies.
  return scanIn(firestore, { uid, code: input.code, requestId: input.requestId, location: input.location, config })
})
