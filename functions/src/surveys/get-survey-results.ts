import { CALLABLES } from '../../../src/domain/contracts/callables'
import { surveyResults, type SurveyStats } from '../../../src/domain/earn/survey-results'
import { SurveyResultsInputSchema } from '../../../src/domain/earn/surveys-schema'
import { paths } from '../../../src/domain/shared/paths'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAdmin } from '../lib/roles'
import { loadSurvey } from './surveys'

/** `getSurveyResults` (operators): a survey's counts, averages and NPS, summed from its shards. */
export const getSurveyResults = callable(CALLABLES.getSurveyResults, { input: SurveyResultsInputSchema, authorize: requireAdmin }, async (input) => {
  const firestore = db()
  const survey = await loadSurvey(firestore, input.surveyId)
  const shards = await firestore.collection(paths.surveyStats(survey.id)).get()
  return surveyResults(survey, shards.docs.map((doc) => doc.data() as Partial<SurveyStats>))
})
