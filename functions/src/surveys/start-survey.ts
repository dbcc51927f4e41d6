import { Timestamp } from 'firebase-admin/firestore'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { StartSurveyInputSchema } from '../../../src/domain/earn/surveys-schema'
import { paths } from '../../../src/domain/shared/paths'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'
import { loadSurvey, requireOpenSurvey } from './surveys'

const ALREADY_EXISTS = 6

/**
 * `startSurvey`: the app calls it when a member opens a survey. The server keeps the time of the
 * first opening only, so a minimum completion time is measured by its clock and cannot be reset.
 */
export const startSurvey = callable(CALLABLES.startSurvey, { input: StartSurveyInputSchema, authorize: requireAuth }, async (input, { uid }) => {
  const firestore = db()
  const survey = await loadSurvey(firestore, input.surveyId)
  const startRef = firestore.doc(paths.surveyStart(survey.id, uid))
  const known = await startRef.get()
  if (known.exists) return { surveyId: survey.id, startedAt: (known.get('startedAt') as Timestamp).toDate().toISOString() }
  await requireOpenSurvey(firestore, survey, uid, new Date())
  const startedAt = Timestamp.now()
  try {
    await startRef.create({ uid, startedAt })
  } catch (error) {
    // Two openings at once: the first one's time stands.
    if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error
    return { surveyId: survey.id, startedAt: ((await startRef.get()).get('startedAt') as Timestamp).toDate().toISOString() }
  }
  return { surveyId: survey.id, startedAt: startedAt.toDate().toISOString() }
})
