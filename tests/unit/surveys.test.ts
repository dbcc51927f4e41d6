import { describe, expect, it } from 'vitest'
import { demoSurveys } from '../../scripts/demo-club'
import { statsDelta, surveyResults } from '@/domain/earn/survey-results'
import { SurveySchema, answersSchemaFor } from '@/domain/earn/surveys-schema'
import { checkAnswers, surveyAvailability, surveyFlags, visibleQuestions, type Survey, type SurveyAnswers } from '@/domain/earn/surveys'

const now = new Date('2026-11-20T10:00:00Z')
const survey = demoSurveys(now)[0]!
const happy: SurveyAnswers = { frequency: 'weekly', stores: ['books', 'cafe'], 'app-ease': 4, attention: 'blue', recommend: 9 }

describe('the survey document', () => {
  it('accepts the demo survey', () => {
    expect(SurveySchema.safeParse(survey).success).toBe(true)
  })

  it('refuses a branch on a later question, two attention checks, a window that ends before it starts', () => {
    const later = { ...survey, questions: [{ ...survey.questions[0]!, showIf: { questionId: 'recommend', equals: 9 } }, ...survey.questions.slice(1)] }
    const twoChecks = { ...survey, questions: [...survey.questions, { ...survey.questions[3]!, id: 'attention-2' }] }
    const backwards = { ...survey, closesAt: survey.opensAt }
    for (const bad of [later, twoChecks, backwards]) expect(SurveySchema.safeParse(bad).success).toBe(false)
  })

  it('refuses an attention check that is optional or an answer that is not an option', () => {
    const optional = { ...survey, questions: survey.questions.map((q) => (q.id === 'attention' ? { ...q, required: false } : q)) }
    const wrong = { ...survey, questions: survey.questions.map((q) => (q.id === 'attention' ? { ...q, correct: 'purple' } : q)) }
    expect(SurveySchema.safeParse(optional).success).toBe(false)
    expect(SurveySchema.safeParse(wrong).success).toBe(false)
  })
})

describe('answers against the survey', () => {
  it('accepts a full response, storing choices in the survey order', () => {
    expect(checkAnswers(survey, happy)).toEqual({ ok: true, answers: { ...happy, stores: ['cafe', 'books'] } })
  })

  it('shows the follow-up only to detractors, and then requires it', () => {
    expect(visibleQuestions(survey, happy).map((q) => q.id)).not.toContain('improve')
    expect(visibleQuestions(survey, { ...happy, recommend: 3 }).map((q) => q.id)).toContain('improve')
    expect(checkAnswers(survey, { ...happy, recommend: 3 })).toEqual({ ok: false, issues: [{ questionId: 'improve', problem: 'required' }] })
    expect(checkAnswers(survey, { ...happy, recommend: 3, improve: 'Faster checkout please' }).ok).toBe(true)
  })

  it('refuses an answer to a hidden branch and to an unknown question', () => {
    expect(checkAnswers(survey, { ...happy, improve: 'sneaky answer', bonus: 'x' })).toEqual({
      ok: false,
      issues: [
        { questionId: 'bonus', problem: 'unknown-question' },
        { questionId: 'improve', problem: 'hidden-question' },
      ],
    })
  })

  it('refuses values out of range, of the wrong type, and choices outside the list or the limits', () => {
    const issues = (answers: Record<string, unknown>) => {
      const checked = checkAnswers(survey, { ...happy, ...answers })
      return checked.ok ? [] : checked.issues
    }
    expect(issues({ 'app-ease': 6 })).toEqual([{ questionId: 'app-ease', problem: 'out-of-range' }])
    expect(issues({ 'app-ease': 2.5 })).toEqual([{ questionId: 'app-ease', problem: 'out-of-range' }])
    expect(issues({ recommend: 11 })).toEqual([{ questionId: 'recommend', problem: 'out-of-range' }])
    expect(issues({ recommend: '9' })).toEqual([{ questionId: 'recommend', problem: 'wrong-type' }])
    expect(issues({ frequency: 'daily' })).toEqual([{ questionId: 'frequency', problem: 'unknown-option' }])
    expect(issues({ stores: ['cafe', 'cafe'] })).toEqual([{ questionId: 'stores', problem: 'unknown-option' }])
    expect(issues({ stores: [] })).toEqual([{ questionId: 'stores', problem: 'required' }])
    expect(issues({ frequency: undefined })).toEqual([{ questionId: 'frequency', problem: 'required' }])
  })

  it('cleans free text (a bidi override is dropped) and holds it to the question’s length', () => {
    const checked = checkAnswers(survey, { ...happy, 'anything-else': 'great\u202Eclub' })
    expect(checked).toMatchObject({ ok: true, answers: { 'anything-else': 'greatclub' } })
    expect(checkAnswers(survey, { ...happy, 'anything-else': 'x'.repeat(501) })).toEqual({
      ok: false,
      issues: [{ questionId: 'anything-else', problem: 'too-long' }],
    })
    expect(checkAnswers(survey, { ...happy, recommend: 2, improve: 'abc' })).toEqual({ ok: false, issues: [{ questionId: 'improve', problem: 'too-short' }] })
  })

  it('names each problem at answers.<question> through the schema', () => {
    const parsed = answersSchemaFor(survey).safeParse({ ...happy, 'app-ease': 0 })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['app-ease', 'out-of-range']])
  })
})

describe('fraud rules', () => {
  const fourScales: Survey = {
    ...survey,
    questions: ['a', 'b', 'c', 'd'].map((id) => ({ id, type: 'scale' as const, required: true, title: { he: 'ש', en: 'Q' } })),
  }

  it('pass an honest response', () => {
    expect(surveyFlags(survey, happy, 60)).toEqual([])
  })

  it('flag a wrong attention check and a response faster than the minimum', () => {
    expect(surveyFlags(survey, { ...happy, attention: 'red' }, 60)).toEqual(['attention-check'])
    expect(surveyFlags(survey, happy, 9.9)).toEqual(['too-fast'])
    expect(surveyFlags(survey, happy, 10)).toEqual([])
  })

  it('flag the same value on every scale question from four of them, not fewer, not when they differ', () => {
    expect(surveyFlags(fourScales, { a: 3, b: 3, c: 3, d: 3 }, 60)).toEqual(['straight-lining'])
    expect(surveyFlags(fourScales, { a: 3, b: 3, c: 3, d: 4 }, 60)).toEqual([])
    expect(surveyFlags({ ...fourScales, questions: fourScales.questions.slice(0, 3) }, { a: 3, b: 3, c: 3 }, 60)).toEqual([])
  })
})

describe('who may answer when', () => {
  const member = { tierId: 'silver', interests: ['coffee'] }

  it('follows the window and the status', () => {
    expect(surveyAvailability(survey, member, now)).toBe('open')
    expect(surveyAvailability(survey, member, new Date(survey.opensAt.getTime() - 1))).toBe('not-open')
    expect(surveyAvailability(survey, member, survey.closesAt)).toBe('closed')
    expect(surveyAvailability({ ...survey, status: 'draft' }, member, now)).toBe('not-published')
  })

  it('follows the target: a tier on the list, or one interest in common', () => {
    expect(surveyAvailability({ ...survey, target: { tiers: ['gold'], interests: [] } }, member, now)).toBe('not-targeted')
    expect(surveyAvailability({ ...survey, target: { tiers: ['silver', 'gold'], interests: [] } }, member, now)).toBe('open')
    expect(surveyAvailability({ ...survey, target: { tiers: [], interests: ['books', 'coffee'] } }, member, now)).toBe('open')
    expect(surveyAvailability({ ...survey, target: { tiers: [], interests: ['books'] } }, member, now)).toBe('not-targeted')
  })
})

describe('results', () => {
  it('count options, average the scale, compute NPS, and keep flagged answers out', () => {
    const shards = [
      statsDelta(survey, { ...happy, recommend: 10 }, []),
      statsDelta(survey, { ...happy, 'app-ease': 2, recommend: 3, improve: 'More stores nearby' }, []),
      statsDelta(survey, { ...happy, recommend: 8 }, []),
      statsDelta(survey, { ...happy, attention: 'red', recommend: 0 }, ['attention-check']),
    ]
    const results = surveyResults(survey, shards)
    expect(results).toMatchObject({ responses: 4, paid: 3, flagged: 1, flags: { 'attention-check': 1, 'too-fast': 0, 'straight-lining': 0 } })
    const q = (id: string) => results.questions.find((question) => question.id === id)!
    expect(q('stores').options.filter((o) => o.count > 0)).toMatchObject([{ id: 'cafe', count: 3 }, { id: 'books', count: 3 }])
    expect(q('app-ease').average).toBe(3.33)
    expect(q('recommend')).toMatchObject({ answered: 3, nps: 0 })
    expect(q('improve')).toMatchObject({ answered: 1, options: [], distribution: [] })
    expect(JSON.stringify(results)).not.toContain('More stores nearby')
  })
})
