import { collection, doc, getDoc, getDocs, query, where, type DocumentData } from 'firebase/firestore'
import type { Survey, SurveyOutcome } from '@/domain/earn/surveys'
import { COLLECTIONS, paths } from '@/domain/shared/paths'
import { db } from './app'

// Operators write surveys through the Admin SDK after `SurveySchema` (src/domain/earn/surveys-schema.ts)
// validated them; here they only become Dates.
function surveyOf(id: string, data: DocumentData): Survey {
  return { ...(data as Omit<Survey, 'id' | 'opensAt' | 'closesAt'>), id, opensAt: data.opensAt.toDate(), closesAt: data.closesAt.toDate() }
}

/** The published surveys (the rules let members read only those). */
export async function fetchSurveys(): Promise<Survey[]> {
  const snap = await getDocs(query(collection(db, COLLECTIONS.surveys), where('status', '==', 'published')))
  return snap.docs.map((d) => surveyOf(d.id, d.data()))
}

export async function fetchSurvey(surveyId: string): Promise<Survey | null> {
  const snap = await getDoc(doc(db, paths.survey(surveyId)))
  return snap.exists() ? surveyOf(snap.id, snap.data()) : null
}

/** What became of the member's own response to a survey, or null before they answered it. */
export async function fetchSurveyOutcome(surveyId: string, uid: string): Promise<SurveyOutcome | null> {
  const snap = await getDoc(doc(db, paths.surveyResponse(surveyId, uid)))
  if (!snap.exists()) return null
  const outcome = snap.get('outcome') as Omit<SurveyOutcome, 'surveyId'>
  return { surveyId, paid: outcome.paid, points: outcome.points, flags: outcome.flags }
}
