import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { surveyAvailability, type SubmitSurveyResult, type Survey, type SurveyAnswers, type SurveyOutcome } from '@/domain/earn/surveys'
import { AppError, isTransient } from '@/domain/shared/errors'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import { fetchSurvey, fetchSurveyOutcome, fetchSurveys, startSurvey, submitSurvey } from '@/services/firebase/earn-api'
import { useMemberStore } from './member'
import { useSessionStore } from './session'

export type SurveyStatus = 'available' | 'done' | 'flagged' | 'closed'

export interface SurveyItem {
  survey: Survey
  status: SurveyStatus
  outcome: SurveyOutcome | null
}

const INTENT = 'survey'
const ORDER: Record<SurveyStatus, number> = { available: 0, done: 1, flagged: 1, closed: 2 }

function statusOf(survey: Survey, outcome: SurveyOutcome | null, open: boolean): SurveyStatus {
  if (outcome) return outcome.paid ? 'done' : 'flagged'
  return open ? 'available' : 'closed'
}

/**
 * Surveys for the member: the published ones aimed at them (open now, or closed), with what
 * became of their own response. Answers go only through `submitSurvey`, with one request id per
 * survey kept on the device until the server has answered, so a retry is never paid twice.
 */
export const useSurveysStore = defineStore('surveys', () => {
  const session = useSessionStore()
  const members = useMemberStore()
  const surveys = ref<Survey[]>([])
  const outcomes = ref<Record<string, SurveyOutcome | null>>({})
  const loaded = ref(false)
  const failed = ref(false)

  watch(
    () => session.user?.uid,
    () => {
      surveys.value = []
      outcomes.value = {}
      loaded.value = false
    },
  )

  function availabilityOf(survey: Survey, now = new Date()) {
    const member = members.member
    return surveyAvailability(survey, { tierId: member?.tierId ?? '', interests: member?.interests ?? [] }, now)
  }

  function inWindow(survey: Survey, now = Date.now()): boolean {
    return survey.opensAt.getTime() <= now && now < survey.closesAt.getTime()
  }

  const items = computed<SurveyItem[]>(() =>
    surveys.value
      .map((survey) => {
        const availability = availabilityOf(survey)
        const outcome = outcomes.value[survey.id] ?? null
        return { survey, availability, item: { survey, outcome, status: statusOf(survey, outcome, availability === 'open') } }
      })
      // Not yet open, or aimed at others: nothing to show the member.
      .filter(({ availability, item }) => item.outcome || availability === 'open' || availability === 'closed')
      .map(({ item }) => item)
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.survey.closesAt.getTime() - b.survey.closesAt.getTime()),
  )

  async function outcomeOf(surveyId: string): Promise<SurveyOutcome | null> {
    const uid = session.user?.uid
    if (!uid) return null
    const outcome = await fetchSurveyOutcome(surveyId, uid)
    outcomes.value = { ...outcomes.value, [surveyId]: outcome }
    return outcome
  }

  async function load(): Promise<void> {
    failed.value = false
    try {
      const list = await fetchSurveys()
      await Promise.all(list.map((survey) => outcomeOf(survey.id)))
      surveys.value = list
    } catch {
      failed.value = true
    } finally {
      loaded.value = true
    }
  }

  /**
   * Opens one survey for answering: the survey, the member's earlier outcome, and — when it can
   * still be answered — the server's note of this first opening (the minimum time runs from it).
   */
  async function open(surveyId: string): Promise<{ survey: Survey | null; outcome: SurveyOutcome | null }> {
    const survey = await fetchSurvey(surveyId)
    if (!survey) return { survey: null, outcome: null }
    const outcome = await outcomeOf(surveyId)
    // The server judges the target (the member document may not have arrived on this device yet).
    if (!outcome && inWindow(survey)) await startSurvey({ surveyId })
    if (!surveys.value.some((s) => s.id === surveyId)) surveys.value = [...surveys.value, survey]
    return { survey, outcome }
  }

  async function submit(surveyId: string, answers: SurveyAnswers): Promise<SubmitSurveyResult> {
    const requestId = intentRequestId(INTENT, surveyId)
    try {
      const result = await submitSurvey({ surveyId, answers, requestId })
      settleIntent(INTENT, surveyId)
      outcomes.value = { ...outcomes.value, [surveyId]: { surveyId, paid: result.paid, points: result.points, flags: result.flags } }
      return result
    } catch (error) {
      // A refusal is an answer (fix and send again as a new request); a lost answer keeps the id.
      if (!(error instanceof AppError && isTransient(error.code))) settleIntent(INTENT, surveyId)
      throw error
    }
  }

  return { items, loaded, failed, load, open, submit, inWindow }
})
