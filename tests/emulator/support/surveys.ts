// Surveys as the tests need them: written by the operator (Admin SDK), opened and answered by members.
import { Timestamp } from 'firebase-admin/firestore'
import type { StartSurveyResult, SubmitSurveyResult, Survey, SurveyAnswers } from '../../../src/domain/earn/surveys'
import { SurveySchema } from '../../../src/domain/earn/surveys-schema'
import { paths } from '../../../src/domain/shared/paths'
import { demoSurveys } from '../../../scripts/demo-club'
import { requestId, type Client } from './club'
import { admin } from './emulators'

let surveys = 0

/** A copy of the demo survey under a new id, with `changes`, validated and written as an operator would. */
export async function writeSurvey(changes: Partial<Survey> = {}): Promise<Survey> {
  const survey = SurveySchema.parse({ ...demoSurveys()[0]!, minSeconds: 0, ...changes, id: `test-survey-${Date.now().toString(36)}-${++surveys}` })
  const { id, ...data } = survey
  await admin().db.doc(paths.survey(id)).set(data)
  return survey
}

/** A full, honest response to the demo survey's questions. */
export const honest: SurveyAnswers = { frequency: 'weekly', stores: ['cafe', 'books'], 'app-ease': 4, attention: 'blue', recommend: 9 }

/** The member opens the survey (startSurvey); the clock is then set back `secondsAgo`, as if they had taken that long. */
export async function begin(member: Client, surveyId: string, secondsAgo = 120): Promise<StartSurveyResult> {
  const started = await member.call<object, StartSurveyResult>('startSurvey', { surveyId })
  const ref = admin().db.doc(paths.surveyStart(surveyId, member.uid!))
  await ref.update({ startedAt: Timestamp.fromMillis(Date.parse(started.startedAt) - secondsAgo * 1000) })
  return started
}

export function submit(member: Client, surveyId: string, answers: Record<string, unknown>, request = requestId()) {
  return member.call<object, SubmitSurveyResult>('submitSurvey', { surveyId, answers, requestId: request })
}

export async function responseDoc(surveyId: string, uid: string) {
  return (await admin().db.doc(paths.surveyResponse(surveyId, uid)).get()).data()
}

/** The fields an `invalid-argument` refusal names. */
export async function refusedFields(promise: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  try {
    await promise
  } catch (error) {
    const e = error as { code?: string; details?: { fields?: { path: string }[] } }
    return { code: String(e.code).replace(/^functions\//, ''), fields: (e.details?.fields ?? []).map((f) => f.path) }
  }
  throw new Error('expected the call to fail, and it succeeded')
}
