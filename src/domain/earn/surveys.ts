import type { LocalizedText } from '../shared/locale'
import { checkText } from '../shared/text'

/**
 * Surveys: the rules once, for the app (to show and check answers on the device) and for
 * `submitSurvey` (to decide). Pure, no zod: the schemas that parse a stored survey and a
 * callable's input live in `surveys-schema.ts`, on the server's side of the bundle.
 */

export const SCALE_MIN = 1
export const SCALE_MAX = 5
export const NPS_MIN = 0
export const NPS_MAX = 10
/** Enough scale questions answered alike to say the member did not read them. */
export const STRAIGHT_LINE_MIN_QUESTIONS = 4
/** A free-text answer's hard ceiling, whatever a survey asks (the callable refuses more). */
export const TEXT_ANSWER_MAX = 2000

export type AnswerValue = string | number | string[]
export type SurveyAnswers = Record<string, AnswerValue>

/** Show a question only when an earlier one was answered with `equals`, or with one of `in`. */
export interface ShowIf {
  questionId: string
  equals?: string | number
  in?: (string | number)[]
}

export interface SurveyOption {
  id: string
  label: LocalizedText
}

interface QuestionBase {
  id: string
  title: LocalizedText
  required: boolean
  showIf?: ShowIf | null
}

export type SurveyQuestion = QuestionBase &
  (
    | {
        type: 'single'
        options: SurveyOption[]
        /** An attention check: the option any reader picks ("choose 'Blue' here"). */
        correct?: string | null
      }
    | { type: 'multi'; options: SurveyOption[]; min: number; max: number }
    | { type: 'scale' }
    | { type: 'nps' }
    | { type: 'text'; minLength: number; maxLength: number }
  )
export type QuestionType = SurveyQuestion['type']

export type SurveyStatus = 'draft' | 'published' | 'archived'

export interface Survey {
  id: string
  status: SurveyStatus
  title: LocalizedText
  intro: LocalizedText
  points: number
  opensAt: Date
  closesAt: Date
  /** Empty lists mean everyone. */
  target: { tiers: string[]; interests: string[] }
  /** A response finished sooner after the member opened the survey is not paid. */
  minSeconds: number
  questions: SurveyQuestion[]
}

/** Why an answered survey is stored but not paid. */
export const SURVEY_FLAGS = ['attention-check', 'too-fast', 'straight-lining'] as const
export type SurveyFlag = (typeof SURVEY_FLAGS)[number]

export type AnswerProblem =
  | 'unknown-question'
  | 'hidden-question'
  | 'required'
  | 'wrong-type'
  | 'unknown-option'
  | 'out-of-range'
  | 'too-few'
  | 'too-many'
  | 'too-short'
  | 'too-long'

export interface AnswerIssue {
  questionId: string
  problem: AnswerProblem
}

export type AnswersCheck = { ok: true; answers: SurveyAnswers } | { ok: false; issues: AnswerIssue[] }

function matches(showIf: ShowIf, answer: AnswerValue | undefined): boolean {
  if (answer === undefined) return false
  const wanted = showIf.in ?? (showIf.equals === undefined ? [] : [showIf.equals])
  const given = Array.isArray(answer) ? answer : [answer]
  return given.some((value) => wanted.includes(value))
}

/**
 * The questions a member sees given their answers so far, in order. A branch depends on an
 * earlier question only, so one pass decides: a question under a hidden question is hidden too.
 */
export function visibleQuestions(survey: Pick<Survey, 'questions'>, answers: Record<string, unknown>): SurveyQuestion[] {
  const shown = new Set<string>()
  return survey.questions.filter((question) => {
    const rule = question.showIf
    const visible = !rule || (shown.has(rule.questionId) && matches(rule, answers[rule.questionId] as AnswerValue | undefined))
    if (visible) shown.add(question.id)
    return visible
  })
}

const isInt = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

function checkAnswer(question: SurveyQuestion, value: unknown): { value: AnswerValue } | { problem: AnswerProblem } {
  switch (question.type) {
    case 'single':
      if (typeof value !== 'string') return { problem: 'wrong-type' }
      return question.options.some((o) => o.id === value) ? { value } : { problem: 'unknown-option' }
    case 'multi': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { problem: 'wrong-type' }
      const picked = value as string[]
      if (new Set(picked).size !== picked.length || picked.some((id) => !question.options.some((o) => o.id === id))) {
        return { problem: 'unknown-option' }
      }
      if (picked.length < question.min) return { problem: 'too-few' }
      if (picked.length > question.max) return { problem: 'too-many' }
      // Kept in the survey's order, so two equal answers are stored alike.
      return { value: question.options.map((o) => o.id).filter((id) => picked.includes(id)) }
    }
    case 'scale':
      if (typeof value !== 'number') return { problem: 'wrong-type' }
      return isInt(value, SCALE_MIN, SCALE_MAX) ? { value } : { problem: 'out-of-range' }
    case 'nps':
      if (typeof value !== 'number') return { problem: 'wrong-type' }
      return isInt(value, NPS_MIN, NPS_MAX) ? { value } : { problem: 'out-of-range' }
    case 'text': {
      if (typeof value !== 'string') return { problem: 'wrong-type' }
      if (value.length > TEXT_ANSWER_MAX * 4) return { problem: 'too-long' }
      const checked = checkText(value, { multiline: true, min: question.minLength, max: question.maxLength })
      return checked.ok ? { value: checked.text } : { problem: checked.reason }
    }
  }
}

/** An answer that says nothing: an empty list, or text that is only spaces. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && value.trim() === '')
}

/**
 * Checks a member's answers against the survey: every answer names a question the member was
 * shown, every required shown question is answered, every value fits its question. Returns the
 * answers as they are stored (text cleaned, choices in the survey's order), or every problem.
 */
export function checkAnswers(survey: Pick<Survey, 'questions'>, raw: Record<string, unknown>): AnswersCheck {
  const issues: AnswerIssue[] = []
  const known = new Set(survey.questions.map((q) => q.id))
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => !isBlank(value)))
  for (const id of Object.keys(given)) {
    if (!known.has(id)) issues.push({ questionId: id, problem: 'unknown-question' })
  }
  const visible = visibleQuestions(survey, given)
  const visibleIds = new Set(visible.map((q) => q.id))
  for (const question of survey.questions) {
    if (question.id in given && !visibleIds.has(question.id)) issues.push({ questionId: question.id, problem: 'hidden-question' })
  }
  const answers: SurveyAnswers = {}
  for (const question of visible) {
    if (!(question.id in given)) {
      if (question.required) issues.push({ questionId: question.id, problem: 'required' })
      continue
    }
    const checked = checkAnswer(question, given[question.id])
    if ('problem' in checked) issues.push({ questionId: question.id, problem: checked.problem })
    else answers[question.id] = checked.value
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers }
}

/**
 * Why a checked response is not paid (survey practice): a wrong answer to the attention check,
 * a completion faster than the survey's minimum (by the server's clock, from the first open), or
 * the same value on every scale question when there are enough of them.
 */
export function surveyFlags(survey: Pick<Survey, 'questions' | 'minSeconds'>, answers: SurveyAnswers, elapsedSeconds: number): SurveyFlag[] {
  const flags: SurveyFlag[] = []
  const check = survey.questions.find((q) => q.type === 'single' && q.correct)
  if (check && check.type === 'single' && answers[check.id] !== check.correct) flags.push('attention-check')
  if (survey.minSeconds > 0 && elapsedSeconds < survey.minSeconds) flags.push('too-fast')
  const scaleValues = survey.questions.filter((q) => q.type === 'scale' && q.id in answers).map((q) => answers[q.id])
  if (scaleValues.length >= STRAIGHT_LINE_MIN_QUESTIONS && scaleValues.every((v) => v === scaleValues[0])) {
    flags.push('straight-lining')
  }
  return flags
}

export type SurveyAvailability = 'open' | 'not-published' | 'not-open' | 'closed' | 'not-targeted'

/** Whether a member may answer the survey now: published, within its window, and aimed at them. */
export function surveyAvailability(
  survey: Pick<Survey, 'status' | 'opensAt' | 'closesAt' | 'target'>,
  member: { tierId: string; interests: readonly string[] },
  now: Date,
): SurveyAvailability {
  if (survey.status !== 'published') return 'not-published'
  if (now < survey.opensAt) return 'not-open'
  if (now >= survey.closesAt) return 'closed'
  const { tiers, interests } = survey.target
  if (tiers.length > 0 && !tiers.includes(member.tierId)) return 'not-targeted'
  if (interests.length > 0 && !interests.some((id) => member.interests.includes(id))) return 'not-targeted'
  return 'open'
}

/** Where a member's response stands, as the app shows it. */
export interface SurveyOutcome {
  surveyId: string
  paid: boolean
  points: number
  flags: SurveyFlag[]
}

/** `startSurvey`: the member opens a survey; the server notes the time once. */
export interface StartSurveyInput {
  surveyId: string
}
export interface StartSurveyResult {
  surveyId: string
  /** ISO time of the member's first opening, by the server's clock. */
  startedAt: string
}

/** `submitSurvey`: the answers, with a request id the app keeps until it has an answer. */
export interface SubmitSurveyInput {
  surveyId: string
  answers: Record<string, AnswerValue>
  requestId: string
}
export interface SubmitSurveyResult extends SurveyOutcome {
  /** The balance after the reward, when it was paid. */
  balance: number | null
  /** A retry of a submission already recorded: the first answer again. */
  replayed: boolean
}

/** `getSurveyResults` (operators): the aggregates of one survey. */
export interface SurveyResultsInput {
  surveyId: string
}
