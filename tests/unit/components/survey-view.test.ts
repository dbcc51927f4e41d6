// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { DEVICE_KEYS } from '@/services/device-storage'
import { demoSurveys } from '../../../scripts/demo-club'
import { locale } from '../support/i18n-instance'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(() => () => {}),
  watchMember: vi.fn(() => () => {}),
  watchClubConfig: vi.fn(() => () => {}),
  fetchSurveys: vi.fn(),
  fetchSurvey: vi.fn(),
  fetchSurveyOutcome: vi.fn(),
  startSurvey: vi.fn(),
  submitSurvey: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { default: SurveyView } = await import('@/views/earn/SurveyView.vue')

const survey = demoSurveys()[0]!

async function mountSurvey() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/earn', name: 'earn', component: { render: () => null } },
      { path: '/earn/survey/:surveyId', name: 'survey', component: SurveyView, props: true },
    ],
  })
  await router.push(`/earn/survey/${survey.id}`)
  const wrapper = mount(SurveyView, { props: { surveyId: survey.id }, global: { plugins: [router] } })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  localStorage.clear()
  for (const fn of Object.values(api)) fn.mockReset()
  api.watchSession.mockImplementation(() => () => {})
  api.watchMember.mockImplementation(() => () => {})
  api.watchClubConfig.mockImplementation(() => () => {})
  api.fetchSurvey.mockResolvedValue(survey)
  api.fetchSurveyOutcome.mockResolvedValue(null)
  api.startSurvey.mockResolvedValue({ surveyId: survey.id, startedAt: new Date().toISOString() })
  localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify({ uid: 'uid-noa', email: 'noa@example.test', role: 'member', partnerId: null }))
  setActivePinia(createPinia())
  locale.value = 'en'
})

const question = (wrapper: Awaited<ReturnType<typeof mountSurvey>>, id: string) => wrapper.find(`[data-testid="survey-question-${id}"]`)

describe('the survey screen', () => {
  it('opens the survey through the server and shows the follow-up only to a detractor', async () => {
    const wrapper = await mountSurvey()
    expect(api.startSurvey).toHaveBeenCalledWith({ surveyId: survey.id })
    expect(question(wrapper, 'improve').exists()).toBe(false)
    await question(wrapper, 'recommend').find('input[value="3"]').setValue(true)
    expect(question(wrapper, 'improve').exists()).toBe(true)
    await question(wrapper, 'recommend').find('input[value="10"]').setValue(true)
    expect(question(wrapper, 'improve').exists()).toBe(false)
  })

  it('points at the unanswered required questions and sends nothing', async () => {
    const wrapper = await mountSurvey()
    await question(wrapper, 'frequency').find('input[value="weekly"]').setValue(true)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(api.submitSurvey).not.toHaveBeenCalled()
    expect(question(wrapper, 'frequency').attributes('aria-invalid')).toBeUndefined()
    expect(question(wrapper, 'stores').attributes('aria-invalid')).toBe('true')
    expect(question(wrapper, 'stores').text()).toContain('This question needs an answer.')
  })

  it('sends only the questions shown, and says why a flagged response earned nothing', async () => {
    api.submitSurvey.mockResolvedValue({ surveyId: survey.id, paid: false, points: 0, flags: ['too-fast'], balance: null, replayed: false })
    const wrapper = await mountSurvey()
    await question(wrapper, 'frequency').find('input[value="weekly"]').setValue(true)
    await question(wrapper, 'stores').find('input[value="cafe"]').setValue(true)
    await question(wrapper, 'app-ease').find('input[value="4"]').setValue(true)
    await question(wrapper, 'attention').find('input[value="blue"]').setValue(true)
    await question(wrapper, 'recommend').find('input[value="2"]').setValue(true)
    await question(wrapper, 'improve').find('textarea').setValue('More stores please')
    await question(wrapper, 'recommend').find('input[value="9"]').setValue(true)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const sent = api.submitSurvey.mock.calls[0]![0] as { answers: Record<string, unknown> }
    expect(sent.answers).toEqual({ frequency: 'weekly', stores: ['cafe'], 'app-ease': 4, attention: 'blue', recommend: 9 })
    const outcome = wrapper.find('[data-testid="survey-outcome"]').text()
    expect(outcome).toContain('This response doesn’t earn points')
    expect(outcome).toContain('it was sent faster than it takes to read the questions.')
  })
})
