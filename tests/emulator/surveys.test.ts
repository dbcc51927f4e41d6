import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SurveyResults } from '../../src/domain/earn/survey-results'
import { paths } from '../../src/domain/shared/paths'
import { seedClubData } from '../../scripts/seed-club'
import { demoConfig } from '../../scripts/demo-club'
import { submitSurvey as submitServerSide } from '../../functions/src/surveys/surveys'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'
import { begin, honest, refusedFields, responseDoc, submit, writeSurvey } from './support/surveys'

let operator: Client
let staff: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[operator, staff] = await Promise.all([roleClient({ role: 'admin' }), roleClient({ role: 'staff', partnerId: 'cafe-shachar' })])
})

afterAll(async () => {
  await closeAdmin()
})

// The Functions emulator starts a worker per concurrent call; on a loaded 2-core machine 20 cold starts take a while.
const PARALLEL_TIMEOUT = 120_000

const surveyEntries = async (uid: string) => (await ledgerDocs(uid)).filter((e) => e.reason === 'survey')

describe('submitSurvey pays once', () => {
  it('pays the demo survey once under 20 parallel duplicates of one request, each answered alike', async () => {
    const member = await joinedMember()
    const before = (await memberDoc(member.uid)).balance as number
    await begin(member, 'club-feedback')
    const request = requestId()
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(member, 'club-feedback', honest, request)))
    for (const result of results) expect(result).toMatchObject({ surveyId: 'club-feedback', paid: true, points: 30, flags: [], balance: before + 30 })
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect((await memberDoc(member.uid)).balance).toBe(before + 30)
    expect(await surveyEntries(member.uid)).toMatchObject([{ id: 'survey~club-feedback', points: 30, source: 'survey', ref: 'club-feedback' }])
    expect(await responseDoc('club-feedback', member.uid)).toMatchObject({ uid: member.uid, requestId: request, answers: honest, outcome: { paid: true } })
  }, PARALLEL_TIMEOUT)

  it('pays once under 20 parallel submissions with different request ids; the others are told it was answered', async () => {
    const survey = await writeSurvey()
    const member = await joinedMember()
    await begin(member, survey.id)
    const settled = await Promise.allSettled(Array.from({ length: 20 }, () => submit(member, survey.id, honest)))
    const paid = settled.filter((s) => s.status === 'fulfilled')
    expect(paid).toHaveLength(1)
    for (const s of settled.filter((x) => x.status === 'rejected')) {
      expect((s as PromiseRejectedResult).reason).toMatchObject({ code: 'functions/failed-precondition', details: { reason: 'survey-already-answered' } })
    }
    expect(await surveyEntries(member.uid)).toHaveLength(1)
  }, PARALLEL_TIMEOUT)

  it('answers a retry with the first answer, even after the survey closed', async () => {
    const survey = await writeSurvey()
    const member = await joinedMember()
    await begin(member, survey.id)
    const request = requestId()
    const first = await submit(member, survey.id, honest, request)
    await admin().db.doc(paths.survey(survey.id)).update({ closesAt: new Date(Date.now() - 1000) })
    expect(await submit(member, survey.id, honest, request)).toEqual({ ...first, replayed: true })
    expect(await failure(submit(member, survey.id, honest))).toEqual({ code: 'failed-precondition', reason: 'survey-already-answered' })
    expect(await surveyEntries(member.uid)).toHaveLength(1)
  })
})

describe('answers are checked against the survey', () => {
  it('refuses out-of-range values, unknown options, unknown questions and missing answers, naming the fields, and stores nothing', async () => {
    const survey = await writeSurvey()
    const member = await joinedMember()
    await begin(member, survey.id)
    const withoutRecommend = Object.fromEntries(Object.entries(honest).filter(([id]) => id !== 'recommend'))
    const refused = await refusedFields(submit(member, survey.id, { ...withoutRecommend, 'app-ease': 9, frequency: 'daily', extra: 'x' }))
    expect(refused.code).toBe('invalid-argument')
    expect(refused.fields.sort()).toEqual(['answers.app-ease', 'answers.extra', 'answers.frequency', 'answers.recommend'])
    expect(await responseDoc(survey.id, member.uid)).toBeUndefined()
    expect(await surveyEntries(member.uid)).toHaveLength(0)
  })

  it('requires the branch a detractor is shown, and pays once it is answered', async () => {
    const survey = await writeSurvey()
    const member = await joinedMember()
    await begin(member, survey.id)
    expect(await refusedFields(submit(member, survey.id, { ...honest, recommend: 4 }))).toEqual({ code: 'invalid-argument', fields: ['answers.improve'] })
    expect(await submit(member, survey.id, { ...honest, recommend: 4, improve: 'More partner stores in the north' })).toMatchObject({ paid: true })
  })

  it('needs the survey opened through the server first', async () => {
    const survey = await writeSurvey()
    const member = await joinedMember()
    expect(await failure(submit(member, survey.id, honest))).toEqual({ code: 'failed-precondition', reason: 'survey-not-started' })
    expect(await responseDoc(survey.id, member.uid)).toBeUndefined()
  })
})

describe('the window and the target', () => {
  it('refuses before the window, after it, a draft and a missing survey, at the start and at the end', async () => {
    const member = await joinedMember()
    const upcoming = await writeSurvey({ opensAt: new Date(Date.now() + 3_600_000), closesAt: new Date(Date.now() + 7_200_000) })
    const closed = await writeSurvey({ opensAt: new Date(Date.now() - 7_200_000), closesAt: new Date(Date.now() - 3_600_000) })
    const draft = await writeSurvey({ status: 'draft' })
    expect(await failure(member.call('startSurvey', { surveyId: upcoming.id }))).toEqual({ code: 'failed-precondition', reason: 'survey-not-open' })
    expect(await failure(member.call('startSurvey', { surveyId: closed.id }))).toEqual({ code: 'failed-precondition', reason: 'survey-closed' })
    expect(await failure(member.call('startSurvey', { surveyId: draft.id }))).toEqual({ code: 'not-found', reason: 'unknown-survey' })
    expect(await failure(member.call('startSurvey', { surveyId: 'no-such-survey' }))).toEqual({ code: 'not-found', reason: 'unknown-survey' })

    const open = await writeSurvey()
    await begin(member, open.id)
    await admin().db.doc(paths.survey(open.id)).update({ closesAt: new Date(Date.now() - 1000) })
    expect(await failure(submit(member, open.id, honest))).toEqual({ code: 'failed-precondition', reason: 'survey-closed' })
    expect(await surveyEntries(member.uid)).toHaveLength(0)
  })

  it('refuses members outside the target (tier, interests) and pays those inside it', async () => {
    const goldOnly = await writeSurvey({ target: { tiers: ['gold', 'platinum'], interests: [] } })
    const booksLovers = await writeSurvey({ target: { tiers: [], interests: ['books'] } })
    const coffee = await joinedMember()
    const reader = await joinedMember('Book Reader', { interests: ['books'] })
    expect(await failure(coffee.call('startSurvey', { surveyId: goldOnly.id }))).toEqual({ code: 'permission-denied', reason: 'survey-not-for-you' })
    expect(await failure(coffee.call('startSurvey', { surveyId: booksLovers.id }))).toEqual({ code: 'permission-denied', reason: 'survey-not-for-you' })
    await begin(reader, booksLovers.id)
    expect(await submit(reader, booksLovers.id, honest)).toMatchObject({ paid: true })
  })

  it('keeps the first opening: opening again does not restart the clock', async () => {
    const survey = await writeSurvey()
    const member = await joinedMember()
    const first = await begin(member, survey.id, 300)
    const again = await member.call<object, { startedAt: string }>('startSurvey', { surveyId: survey.id })
    expect(Date.parse(again.startedAt)).toBe(Date.parse(first.startedAt) - 300_000)
  })
})

describe('fraud guards store the response, flagged and unpaid', () => {
  it('a wrong attention check', async () => {
    const survey = await writeSurvey()
    const member = await joinedMember()
    const before = (await memberDoc(member.uid)).balance
    await begin(member, survey.id)
    expect(await submit(member, survey.id, { ...honest, attention: 'red' })).toEqual({
      surveyId: survey.id,
      paid: false,
      points: 0,
      flags: ['attention-check'],
      balance: null,
      replayed: false,
    })
    expect(await responseDoc(survey.id, member.uid)).toMatchObject({ outcome: { paid: false, flags: ['attention-check'] } })
    expect((await memberDoc(member.uid)).balance).toBe(before)
    expect(await surveyEntries(member.uid)).toHaveLength(0)
    expect(await failure(submit(member, survey.id, honest))).toEqual({ code: 'failed-precondition', reason: 'survey-already-answered' })
  })

  it('a completion faster than the minimum, by the server’s clock', async () => {
    const survey = await writeSurvey({ minSeconds: 60 })
    const member = await joinedMember()
    await begin(member, survey.id, 5)
    expect(await submit(member, survey.id, honest)).toMatchObject({ paid: false, flags: ['too-fast'] })
    expect(await surveyEntries(member.uid)).toHaveLength(0)
  })

  it('the same value on every scale question', async () => {
    const scale = (id: string) => ({ id, type: 'scale' as const, required: true, title: { he: 'דירוג', en: 'Rating' } })
    const survey = await writeSurvey({ questions: ['a', 'b', 'c', 'd'].map(scale) })
    const member = await joinedMember()
    await begin(member, survey.id)
    expect(await submit(member, survey.id, { a: 5, b: 5, c: 5, d: 5 })).toMatchObject({ paid: false, flags: ['straight-lining'] })
  })
})

describe('results for the operator', () => {
  it('keep every response’s counts when clean and flagged responses share a shard', async () => {
    const survey = await writeSurvey()
    const sameShard = () => 0
    const responses = [{ ...honest, recommend: 3, improve: 'Longer opening hours' }, { ...honest, attention: 'red' }, { ...honest, recommend: 10 }]
    for (const answers of responses) {
      const member = await joinedMember()
      await begin(member, survey.id)
      await submitServerSide(admin().db, { uid: member.uid, input: { surveyId: survey.id, answers, requestId: requestId() }, config: demoConfig, random: sameShard })
    }
    const results = await operator.call<object, SurveyResults>('getSurveyResults', { surveyId: survey.id })
    expect(results).toMatchObject({ responses: 3, paid: 2, flagged: 1, flags: { 'attention-check': 1 } })
    expect(results.questions.find((q) => q.id === 'recommend')).toMatchObject({ answered: 2, nps: 0 })
    expect(results.questions.find((q) => q.id === 'improve')).toMatchObject({ answered: 1 })
  })

  it('are aggregates summed from the shards, for operators only, with no member’s text', async () => {
    const survey = await writeSurvey()
    const answers = [
      { ...honest, recommend: 10 },
      { ...honest, 'app-ease': 2, recommend: 3, improve: 'Secret complaint text' },
      { ...honest, recommend: 8, stores: ['gas'] },
      { ...honest, attention: 'green' },
    ]
    await Promise.all(
      answers.map(async (a) => {
        const member = await joinedMember()
        await begin(member, survey.id)
        await submit(member, survey.id, a)
      }),
    )
    const results = await operator.call<object, SurveyResults>('getSurveyResults', { surveyId: survey.id })
    expect(results).toMatchObject({ surveyId: survey.id, responses: 4, paid: 3, flagged: 1, flags: { 'attention-check': 1 } })
    const q = (id: string) => results.questions.find((question) => question.id === id)!
    expect(q('recommend')).toMatchObject({ answered: 3, nps: 0 })
    expect(q('app-ease').average).toBe(3.33)
    expect(q('stores').options.find((o) => o.id === 'cafe')?.count).toBe(2)
    expect(q('stores').options.find((o) => o.id === 'gas')?.count).toBe(1)
    expect(q('improve').answered).toBe(1)
    expect(JSON.stringify(results)).not.toContain('Secret complaint')

    const member = await joinedMember()
    expect(await failure(member.call('getSurveyResults', { surveyId: survey.id }))).toMatchObject({ code: 'permission-denied' })
    expect(await failure(staff.call('getSurveyResults', { surveyId: survey.id }))).toMatchObject({ code: 'permission-denied' })
  })
})
