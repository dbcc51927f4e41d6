// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Survey, SurveyOutcome } from '@/domain/earn/surveys'
import type { Member } from '@/domain/members/member'
import { AppError } from '@/domain/shared/errors'
import { DEVICE_KEYS } from '@/services/device-storage'
import { demoConfig, demoSurveys } from '../../../scripts/demo-club'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(),
  watchMember: vi.fn(),
  watchClubConfig: vi.fn(),
  updateProfile: vi.fn(),
  joinClub: vi.fn(),
  clearCachedData: vi.fn(),
  fetchSurveys: vi.fn(),
  fetchSurvey: vi.fn(),
  fetchSurveyOutcome: vi.fn(),
  startSurvey: vi.fn(),
  submitSurvey: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { useSurveysStore } = await import('@/stores/surveys')

const DANA = { uid: 'uid-dana', email: 'dana@moadon.test', role: 'member' as const, partnerId: null }
const base = demoSurveys()[0]!
const day = 86_400_000
const make = (id: string, changes: Partial<Survey> = {}): Survey => ({ ...base, id, ...changes })
const answers = { frequency: 'weekly', stores: ['cafe'], 'app-ease': 4, attention: 'blue', recommend: 9 }

beforeEach(() => {
  localStorage.clear()
  for (const fn of Object.values(api)) fn.mockReset()
  const member = { uid: DANA.uid, name: 'Dana Levi', tierId: 'gold', interests: ['coffee'], balance: 100 } as unknown as Member
  api.watchSession.mockImplementation((callback: (user: unknown) => void) => {
    callback(DANA)
    return () => {}
  })
  api.watchMember.mockImplementation((_uid: string, onChange: (m: Member, fromServer: boolean) => void) => {
    onChange(member, true)
    return () => {}
  })
  api.watchClubConfig.mockImplementation((onChange: (config: unknown) => void) => {
    onChange(demoConfig)
    return () => {}
  })
  localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify(DANA))
  setActivePinia(createPinia())
})

describe('the surveys list', () => {
  it('shows open surveys first, then answered ones, then closed ones, and hides those aimed at others or not open yet', async () => {
    api.fetchSurveys.mockResolvedValue([
      make('closed', { opensAt: new Date(Date.now() - 9 * day), closesAt: new Date(Date.now() - day) }),
      make('answered'),
      make('flagged'),
      make('open'),
      make('for-silver', { target: { tiers: ['silver'], interests: [] } }),
      make('upcoming', { opensAt: new Date(Date.now() + day), closesAt: new Date(Date.now() + 9 * day) }),
    ])
    const outcomes: Record<string, SurveyOutcome> = {
      answered: { surveyId: 'answered', paid: true, points: 40, flags: [] },
      flagged: { surveyId: 'flagged', paid: false, points: 0, flags: ['too-fast'] },
    }
    api.fetchSurveyOutcome.mockImplementation(async (id: string) => outcomes[id] ?? null)
    const surveys = useSurveysStore()
    await surveys.load()
    expect(surveys.items.map((item) => [item.survey.id, item.status])).toEqual([
      ['open', 'available'],
      ['answered', 'done'],
      ['flagged', 'flagged'],
      ['closed', 'closed'],
    ])
  })
})

describe('answering', () => {
  it('opens an unanswered open survey through the server, so the minimum time runs from now', async () => {
    api.fetchSurvey.mockResolvedValue(base)
    api.fetchSurveyOutcome.mockResolvedValue(null)
    await useSurveysStore().open(base.id)
    expect(api.startSurvey).toHaveBeenCalledWith({ surveyId: base.id })
  })

  it('does not open an answered one again', async () => {
    api.fetchSurvey.mockResolvedValue(base)
    api.fetchSurveyOutcome.mockResolvedValue({ surveyId: base.id, paid: true, points: 40, flags: [] })
    expect((await useSurveysStore().open(base.id)).outcome).toMatchObject({ paid: true })
    expect(api.startSurvey).not.toHaveBeenCalled()
  })

  it('keeps the request id across a lost answer, and starts a new one after a refusal', async () => {
    const surveys = useSurveysStore()
    api.submitSurvey.mockRejectedValueOnce(new AppError('unavailable', 'offline'))
    await expect(surveys.submit(base.id, answers)).rejects.toThrow()
    api.submitSurvey.mockRejectedValueOnce(new AppError('invalid-argument', 'bad', ['answers.app-ease']))
    await expect(surveys.submit(base.id, answers)).rejects.toThrow()
    api.submitSurvey.mockResolvedValueOnce({ surveyId: base.id, paid: true, points: 40, flags: [], balance: 140, replayed: false })
    await expect(surveys.submit(base.id, answers)).resolves.toMatchObject({ paid: true })
    const ids = api.submitSurvey.mock.calls.map(([input]) => (input as { requestId: string }).requestId)
    expect(ids[0]).toBe(ids[1])
    expect(ids[2]).not.toBe(ids[1])
  })
})
