import { HttpsError } from 'firebase-functions/v2/https'
import { GetHuntCodeInputSchema, dailyHuntCode, huntWindow } from '../../../src/domain/earn/hunts'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { localDate } from '../../../src/domain/shared/calendar'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireStaff } from '../lib/roles'
import { loadHunt, loadHuntSecret } from './hunt-store'

/**
 * `getHuntCode`: the counter screen of a partner shows today's code of a hunt clue placed at that
 * partner. Only that partner's staff get it: whoever has it can solve the clue from anywhere.
 */
export const getHuntCode = callable(CALLABLES.getHuntCode, { input: GetHuntCodeInputSchema, authorize: requireStaff }, async (input, caller) => {
  const firestore = db()
  const hunt = await loadHunt(firestore, input.huntId)
  const clue = hunt.clues[input.clueIndex]
  if (!clue) throw new HttpsError('not-found', 'This hunt has no such clue.', { reason: 'unknown-clue' })
  if (clue.partnerId !== caller.partnerId) throw new HttpsError('permission-denied', "This clue's code is shown at another store.")
  if (clue.answer !== 'daily') throw new HttpsError('failed-precondition', 'This clue has a printed code.', { reason: 'hunt-code-printed' })
  const now = new Date()
  if (huntWindow(hunt, now.getTime()) !== 'open') throw new HttpsError('failed-precondition', 'This treasure hunt is not open now.', { reason: 'hunt-ended' })
  const config = await loadClubConfig(firestore)
  const day = localDate(now, config.timeZone)
  const { key } = await loadHuntSecret(firestore, hunt.id)
  return { huntId: hunt.id, clueIndex: input.clueIndex, code: await dailyHuntCode(key, hunt.id, input.clueIndex, day), day }
})
