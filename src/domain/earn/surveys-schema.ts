import { z } from 'zod'
import { LOCALES } from '../shared/locale'
import { SLUG_PATTERN } from '../shared/paths'
import {
  TEXT_ANSWER_MAX,
  checkAnswers,
  type StartSurveyInput,
  type SubmitSurveyInput,
  type Survey,
  type SurveyAnswers,
  type SurveyResultsInput,
} from './surveys'

// Server and seed only (zod stays out of the app bundle): a stored survey, and the callables' input.

const slug = z.string().regex(SLUG_PATTERN)
const localizedText = (max: number) => z.strictObject(Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().min(1).max(max)])) as Record<(typeof LOCALES)[number], z.ZodString>)
const option = z.strictObject({ id: slug, label: localizedText(120) })
const showIf = z
  .strictObject({
    questionId: slug,
    equals: z.union([z.string(), z.number()]).optional(),
    in: z.array(z.union([z.string(), z.number()])).min(1).max(20).optional(),
  })
  .refine((rule) => (rule.equals === undefined) !== (rule.in === undefined), 'exactly one of `equals` and `in`')
const base = { id: slug, title: localizedText(300), required: z.boolean(), showIf: showIf.nullable().optional() }

const QuestionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('single'), options: z.array(option).min(2).max(12), correct: slug.nullable().optional() }),
  z.strictObject({
    ...base,
    type: z.literal('multi'),
    options: z.array(option).min(2).max(12),
    min: z.int().min(0).max(12),
    max: z.int().min(1).max(12),
  }),
  z.strictObject({ ...base, type: z.literal('scale') }),
  z.strictObject({ ...base, type: z.literal('nps') }),
  z.strictObject({ ...base, type: z.literal('text'), minLength: z.int().min(0).max(TEXT_ANSWER_MAX), maxLength: z.int().min(1).max(TEXT_ANSWER_MAX) }),
])

/**
 * A survey as operators write it (`surveys/{id}`, dates as Dates: read through `surveyFromData`).
 * Beyond the shapes: ids once each, a branch only on an earlier question and on a value that
 * question can give, one attention check at most, answerable by everyone who sees the survey.
 */
export const SurveySchema: z.ZodType<Survey> = z
  .strictObject({
    id: slug,
    status: z.enum(['draft', 'published', 'archived']),
    title: localizedText(120),
    intro: localizedText(600),
    points: z.int().min(1).max(10_000),
    opensAt: z.date(),
    closesAt: z.date(),
    target: z.strictObject({ tiers: z.array(slug).max(8), interests: z.array(slug).max(30) }),
    minSeconds: z.int().min(0).max(3600),
    questions: z.array(QuestionSchema).min(1).max(40),
  })
  .superRefine((survey, ctx) => {
    if (survey.closesAt <= survey.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'after opensAt' })
    const seen = new Map<string, (typeof survey.questions)[number]>()
    survey.questions.forEach((question, i) => {
      const at = (...rest: (string | number)[]) => ['questions', i, ...rest]
      if (seen.has(question.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: 'used twice' })
      if (question.type === 'single' || question.type === 'multi') {
        if (new Set(question.options.map((o) => o.id)).size !== question.options.length) {
          ctx.addIssue({ code: 'custom', path: at('options'), message: 'option ids used twice' })
        }
      }
      if (question.type === 'multi' && (question.min > question.max || question.max > question.options.length)) {
        ctx.addIssue({ code: 'custom', path: at('max'), message: 'min ≤ max ≤ the number of options' })
      }
      if (question.type === 'text' && question.minLength > question.maxLength) {
        ctx.addIssue({ code: 'custom', path: at('minLength'), message: 'at most maxLength' })
      }
      if (question.type === 'single' && question.correct) {
        if (!question.options.some((o) => o.id === question.correct)) ctx.addIssue({ code: 'custom', path: at('correct'), message: 'one of the options' })
        if (!question.required || question.showIf) ctx.addIssue({ code: 'custom', path: at('correct'), message: 'an attention check is required and always shown' })
      }
      const rule = question.showIf
      if (rule) {
        const parent = seen.get(rule.questionId)
        if (!parent) ctx.addIssue({ code: 'custom', path: at('showIf', 'questionId'), message: 'an earlier question' })
        else if (parent.type === 'text') ctx.addIssue({ code: 'custom', path: at('showIf', 'questionId'), message: 'not a free-text question' })
      }
      seen.set(question.id, question)
    })
    const checks = survey.questions.filter((q) => q.type === 'single' && q.correct)
    if (checks.length > 1) ctx.addIssue({ code: 'custom', path: ['questions'], message: 'at most one attention check' })
  })

/** A stored survey's data (Firestore Timestamps) as a `Survey`, or the schema's error. */
export function surveyFromData(id: string, data: Record<string, unknown>) {
  const toDate = (value: unknown) =>
    value && typeof value === 'object' && 'toDate' in value && typeof value.toDate === 'function' ? (value.toDate() as Date) : value
  return SurveySchema.safeParse({ ...data, id, opensAt: toDate(data.opensAt), closesAt: toDate(data.closesAt) })
}

const requestId = z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -')
const answerValue = z.union([
  z.string().max(TEXT_ANSWER_MAX * 4),
  z.number().finite(),
  z.array(z.string().max(40)).max(12),
])

export const StartSurveyInputSchema: z.ZodType<StartSurveyInput, StartSurveyInput> = z.strictObject({ surveyId: slug })
export const SurveyResultsInputSchema: z.ZodType<SurveyResultsInput, SurveyResultsInput> = z.strictObject({ surveyId: slug })

/** The shape of `submitSurvey`'s input; the answers are then checked against the survey itself. */
export const SubmitSurveyInputSchema: z.ZodType<SubmitSurveyInput, SubmitSurveyInput> = z.strictObject({
  surveyId: slug,
  answers: z.record(z.string().max(40), answerValue).refine((answers) => Object.keys(answers).length <= 40, 'at most 40 answers'),
  requestId,
})

/**
 * The answers against *this* survey (`checkAnswers`, the same function the app runs): each
 * problem is an issue at `answers.<questionId>` with the problem as its message.
 */
export function answersSchemaFor(survey: Pick<Survey, 'questions'>): z.ZodType<SurveyAnswers, Record<string, unknown>> {
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const checked = checkAnswers(survey, raw)
    if (checked.ok) return checked.answers
    for (const issue of checked.issues) ctx.addIssue({ code: 'custom', path: [issue.questionId], message: issue.problem })
    return z.NEVER
  })
}
