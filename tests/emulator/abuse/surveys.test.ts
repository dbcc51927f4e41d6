// A points farmer against submitSurvey, as a script calling the callables with a member's account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paths } from '../../../src/domain/shared/paths'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId } from '../support/club'
import { admin, clearEmulators, closeAdmin } from '../support/emulators'
import { begin, honest, refusedFields, responseDoc, submit, writeSurvey } from '../support/surveys'

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

const nothingPaid = async (uid: string, balance: number) => {
  expect((await ledgerDocs(uid)).filter((e) => e.reason === 'survey')).toHaveLength(0)
  expect((await memberDoc(uid)).balance).toBe(balance)
}

describe('a member attacking submitSurvey', () => {
  it('answers a branch they were not shown (a promoter writing the detractors’ text): refused, nothing stored', async () => {
    const survey = await writeSurvey()
    const member = await joinedMember()
    const balance = (await memberDoc(member.uid)).balance
    await begin(member, survey.id)
    expect(await refusedFields(submit(member, survey.id, { ...honest, recommend: 10, improve: 'pay me twice please' }))).toEqual({
      code: 'invalid-argument',
      fields: ['answers.improve'],
    })
    expect(await responseDoc(survey.id, member.uid)).toBeUndefined()
    await nothingPaid(member.uid, balance)
  })

  it('replays another member’s request id: gets nothing of theirs, and is not paid twice', async () => {
    const survey = await writeSurvey()
    const [victim, farmer] = await Promise.all([joinedMember(), joinedMember()])
    await Promise.all([begin(victim, survey.id), begin(farmer, survey.id)])
    const victimRequest = requestId()
    await submit(victim, survey.id, { ...honest, 'anything-else': 'my private note' }, victimRequest)
    await submit(farmer, survey.id, { ...honest, attention: 'red' })
    const farmerBalance = (await memberDoc(farmer.uid)).balance
    expect(await failure(submit(farmer, survey.id, honest, victimRequest))).toEqual({ code: 'failed-precondition', reason: 'survey-already-answered' })
    await nothingPaid(farmer.uid, farmerBalance)
    expect(await responseDoc(survey.id, victim.uid)).toMatchObject({ uid: victim.uid, requestId: victimRequest, answers: { 'anything-else': 'my private note' } })
    expect(await responseDoc(survey.id, farmer.uid)).toMatchObject({ uid: farmer.uid, outcome: { paid: false } })
  })

  it('answers a survey aimed at another tier, with or without opening it: refused, nothing stored', async () => {
    const survey = await writeSurvey({ target: { tiers: ['platinum'], interests: [] } })
    const member = await joinedMember()
    const balance = (await memberDoc(member.uid)).balance
    expect(await failure(member.call('startSurvey', { surveyId: survey.id }))).toEqual({ code: 'permission-denied', reason: 'survey-not-for-you' })
    // A start record planted by some other route still does not open the survey to them.
    await admin().db.doc(paths.surveyStart(survey.id, member.uid)).set({ uid: member.uid, startedAt: new Date(Date.now() - 600_000) })
    expect(await failure(submit(member, survey.id, honest))).toEqual({ code: 'permission-denied', reason: 'survey-not-for-you' })
    expect(await responseDoc(survey.id, member.uid)).toBeUndefined()
    await nothingPaid(member.uid, balance)
  })

  it('sends a million characters of text: refused before anything is stored', async () => {
    const survey = await writeSurvey()
    const member = await joinedMember()
    const balance = (await memberDoc(member.uid)).balance
    await begin(member, survey.id)
    expect(await refusedFields(submit(member, survey.id, { ...honest, 'anything-else': 'x'.repeat(1_000_000) }))).toMatchObject({
      code: 'invalid-argument',
    })
    expect(await responseDoc(survey.id, member.uid)).toBeUndefined()
    await nothingPaid(member.uid, balance)
  })

  it('hides a right-to-left override (U+202E) in free text: stored without it', async () => {
    const survey = await writeSurvey()
    const member = await joinedMember()
    await begin(member, survey.id)
    const result = await submit(member, survey.id, { ...honest, 'anything-else': 'great club \u202Egpj.exe' })
    expect(result.paid).toBe(true)
    const stored = (await responseDoc(survey.id, member.uid))!.answers['anything-else'] as string
    expect(stored).toBe('great club gpj.exe')
    expect(stored).not.toContain('\u202E')
  })

  it('sends their own start time or extra fields: refused by the input schema', async () => {
    const survey = await writeSurvey()
    const member = await joinedMember()
    const code = await failure(member.call('submitSurvey', { surveyId: survey.id, answers: honest, requestId: requestId(), startedAt: '2020-01-01T00:00:00Z' }))
    expect(code.code).toBe('invalid-argument')
    expect(await failure(member.call('submitSurvey', { surveyId: '../members/x', answers: honest, requestId: requestId() }))).toMatchObject({ code: 'invalid-argument' })
    expect(await responseDoc(survey.id, member.uid)).toBeUndefined()
  })

  it('reads the results as a member: refused', async () => {
    const member = await joinedMember()
    expect(await failure(member.call('getSurveyResults', { surveyId: 'club-feedback' }))).toMatchObject({ code: 'permission-denied' })
  })
})
