import { CALLABLES } from '../../../src/domain/contracts/callables'
import { SubmitSurveyInputSchema } from '../../../src/domain/earn/surveys-schema'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'
import { cryptoRandom } from '../lib/random'
import { submitSurvey as submit } from './surveys'

/** `submitSurvey`: a member's answers to an open survey aimed at them; paid once unless flagged. */
export const submitSurvey = callable(CALLABLES.submitSurvey, { input: SubmitSurveyInputSchema, authorize: requireAuth }, async (input, { uid }) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  return submit(firestore, { uid, input, config, random: cryptoRandom })
})
