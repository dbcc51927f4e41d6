import type { LocalizedText } from '../shared/locale'
import { NPS_MAX, NPS_MIN, SCALE_MAX, SCALE_MIN, SURVEY_FLAGS, type Survey, type SurveyAnswers, type SurveyFlag, type SurveyQuestion } from './surveys'

/**
 * A survey's results as counters only: each response adds to one of a few shard documents
 * (`surveys/{id}/stats/{shard}`), so no document is written by every response, and the operator
 * reads the sum. No answer of any member is kept here, free text only as a count.
 */

export const SURVEY_STAT_SHARDS = 8

export interface QuestionStats {
  answered: number
  /** By option id (choices) or by value (scale, NPS). */
  counts: Record<string, number>
  sum: number
}

export interface SurveyStats {
  responses: number
  paid: number
  flagged: number
  flags: Partial<Record<SurveyFlag, number>>
  questions: Record<string, QuestionStats>
}

/**
 * What one response adds to the counters. A flagged response counts as flagged only: answers
 * that failed the fraud checks would skew the results the checks are there to protect.
 */
export function statsDelta(survey: Pick<Survey, 'questions'>, answers: SurveyAnswers, flags: readonly SurveyFlag[]): SurveyStats {
  const delta: SurveyStats = {
    responses: 1,
    paid: flags.length === 0 ? 1 : 0,
    flagged: flags.length > 0 ? 1 : 0,
    flags: Object.fromEntries(flags.map((flag) => [flag, 1])),
    questions: {},
  }
  if (flags.length > 0) return delta
  for (const question of survey.questions) {
    const value = answers[question.id]
    if (value === undefined) continue
    const counts: Record<string, number> = {}
    let sum = 0
    if (Array.isArray(value)) value.forEach((id) => (counts[id] = 1))
    else if (typeof value === 'number') {
      counts[String(value)] = 1
      sum = value
    } else if (question.type === 'single') counts[value] = 1
    delta.questions[question.id] = { answered: 1, counts, sum }
  }
  return delta
}

export interface QuestionResult {
  id: string
  type: SurveyQuestion['type']
  title: LocalizedText
  answered: number
  /** Choices: each option with how many picked it. */
  options: { id: string; label: LocalizedText; count: number }[]
  /** Scale and NPS: how many gave each value, from the lowest. */
  distribution: { value: number; count: number }[]
  average: number | null
  /** Net Promoter Score, −100 to 100: promoters (9–10) minus detractors (0–6), in percent. */
  nps: number | null
}

export interface SurveyResults {
  surveyId: string
  title: LocalizedText
  responses: number
  paid: number
  flagged: number
  flags: Record<SurveyFlag, number>
  questions: QuestionResult[]
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

/** Sums the shards into the operator's view of the survey. */
export function surveyResults(survey: Pick<Survey, 'id' | 'title' | 'questions'>, shards: readonly Partial<SurveyStats>[]): SurveyResults {
  const total = (pick: (shard: Partial<SurveyStats>) => number | undefined) => shards.reduce((sum, shard) => sum + (pick(shard) ?? 0), 0)
  const flags = Object.fromEntries(SURVEY_FLAGS.map((flag) => [flag, total((s) => s.flags?.[flag])])) as Record<SurveyFlag, number>
  const questions = survey.questions.map((question): QuestionResult => {
    const stat = (s: Partial<SurveyStats>) => s.questions?.[question.id]
    const answered = total((s) => stat(s)?.answered)
    const count = (key: string) => total((s) => stat(s)?.counts?.[key])
    const sum = total((s) => stat(s)?.sum)
    const values =
      question.type === 'scale' ? range(SCALE_MIN, SCALE_MAX) : question.type === 'nps' ? range(NPS_MIN, NPS_MAX) : []
    const distribution = values.map((value) => ({ value, count: count(String(value)) }))
    const options =
      question.type === 'single' || question.type === 'multi'
        ? question.options.map((o) => ({ id: o.id, label: o.label, count: count(o.id) }))
        : []
    let nps: number | null = null
    if (question.type === 'nps' && answered > 0) {
      const promoters = distribution.filter((d) => d.value >= 9).reduce((n, d) => n + d.count, 0)
      const detractors = distribution.filter((d) => d.value <= 6).reduce((n, d) => n + d.count, 0)
      nps = Math.round((100 * (promoters - detractors)) / answered)
    }
    return {
      id: question.id,
      type: question.type,
      title: question.title,
      answered,
      options,
      distribution,
      average: values.length > 0 && answered > 0 ? Math.round((sum / answered) * 100) / 100 : null,
      nps,
    }
  })
  return {
    surveyId: survey.id,
    title: survey.title,
    responses: total((s) => s.responses),
    paid: total((s) => s.paid),
    flagged: total((s) => s.flagged),
    flags,
    questions,
  }
}
