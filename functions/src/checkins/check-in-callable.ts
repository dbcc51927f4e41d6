import { onCall } from 'firebase-functions/v2/https'
import type { CheckInResult } from '../../../src/domain/callable-results'
import { CheckInInputSchema } from '../../../src/domain/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { parseInput, requireAuth } from '../lib/errors'
import { settleReferralAfter } from '../referrals/settle'
import { checkIn as scanIn } from './check-in'

/** `checkIn`: a member scans a partner's poster to earn for the visit. */
export const checkIn = onCall(async (request): Promise<CheckInResult> => {
  const { uid } = requireAuth(request)
  const input = parseInput(CheckInInputSchema, request.data)
  const firestore = db()
  const config = await loadClubConfig(firestore)
  const result = await scanIn(firestore, { uid, code: input.code, location: input.location, config })
  if (!result.alreadyToday) await settleReferralAfter(firestore, uid, 'check-in', config)
  return result
})
