// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CheckInResult } from '@/domain/contracts/callable-results'
import { createCounterCode } from '@/domain/partners/counter-code'
import { AppError } from '@/domain/shared/errors'
import { createPosterCode, posterLink } from '@/domain/partners/poster-code'
import { DEVICE_KEYS } from '@/services/device-storage'
import { locale } from '../support/i18n-instance'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(() => () => {}),
  watchPartners: vi.fn(),
  watchRewards: vi.fn(() => () => {}),
  checkIn: vi.fn(),
  getCounterKey: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { default: CheckInView } = await import('@/views/CheckInView.vue')

const KEY = new Uint8Array(32).fill(3)
const BOOKS = { lat: 32.0701, lng: 34.7735 }
const RECORDED: CheckInResult = {
  partnerId: 'carmel-books',
  points: 5,
  alreadyToday: false,
  visitsThisMonth: 1,
  streakGoal: 5,
  streakBonus: 0,
  balance: 55,
  replayed: false,
}

let shownToCamera = ''
/** The camera is not under test: a stand-in that hands the view whatever code it is shown. */
const FakeScanner = defineComponent({
  emits: ['code'],
  setup(_, { emit, expose }) {
    expose({ end: () => {} })
    return () => h('button', { type: 'button', 'data-testid': 'fake-scan', onClick: () => emit('code', shownToCamera) }, 'scan')
  },
})

async function mountAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'wallet', component: { render: () => null } },
      { path: '/check-in', name: 'check-in', component: CheckInView },
    ],
  })
  await router.push(path)
  const wrapper = mount(CheckInView, { global: { plugins: [router], stubs: { StaffScanner: FakeScanner } } })
  await flushPromises()
  return wrapper
}

async function press(wrapper: Awaited<ReturnType<typeof mountAt>>, name: string) {
  const button = wrapper.findAll('button').find((b) => b.text() === name)
  if (!button) throw new Error(`no button ${name}: ${wrapper.findAll('button').map((b) => b.text()).join(', ')}`)
  await button.trigger('click')
  await flushPromises()
}

beforeEach(() => {
  localStorage.clear()
  localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify({ uid: 'member-1', email: 'shira@example.test', role: 'member', partnerId: null }))
  locale.value = 'en'
  for (const fn of Object.values(api)) fn.mockReset()
  api.watchSession.mockImplementation(() => () => {})
  api.watchRewards.mockImplementation(() => () => {})
  api.watchPartners.mockImplementation((onChange: (partners: unknown[]) => void) => {
    onChange([
      { id: 'carmel-books', name: { he: 'ספרי הכרמל', en: 'Carmel Books' } },
      { id: 'cafe-shachar', name: { he: 'קפה שחר', en: 'Café Shachar' } },
    ])
    return () => {}
  })
  const getCurrentPosition = (ok: PositionCallback) => ok({ coords: { latitude: BOOKS.lat, longitude: BOOKS.lng, accuracy: 10 } } as GeolocationPosition)
  Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true })
  setActivePinia(createPinia())
})

describe('the visit screen', () => {
  it('asks before sharing the position for a poster, then records the visit with it', async () => {
    shownToCamera = posterLink('http://localhost:5173', await createPosterCode(KEY, 'carmel-books', 1))
    api.checkIn.mockResolvedValue(RECORDED)
    const wrapper = await mountAt('/check-in')
    await wrapper.find('[data-testid="fake-scan"]').trigger('click')
    await flushPromises()
    expect(api.checkIn).not.toHaveBeenCalled()
    expect(wrapper.find('[data-testid="check-in-location"]').text()).toContain('needs your location')

    await press(wrapper, 'Share location and record visit')
    expect(api.checkIn).toHaveBeenCalledWith(expect.objectContaining({ location: { ...BOOKS, accuracy: 10 } }))
    expect(wrapper.find('[data-testid="check-in-result"]').text()).toBe('Visit to Carmel Books recorded: +5 points.')
  })

  it('records a counter screen’s code at once, without the position', async () => {
    shownToCamera = await createCounterCode(KEY, 'cafe-shachar', Date.now())
    api.checkIn.mockResolvedValue({ ...RECORDED, partnerId: 'cafe-shachar', points: 1 })
    const wrapper = await mountAt('/check-in')
    await wrapper.find('[data-testid="fake-scan"]').trigger('click')
    await flushPromises()
    expect(api.checkIn).toHaveBeenCalledWith(expect.objectContaining({ code: shownToCamera, location: null }))
    expect(wrapper.find('[data-testid="check-in-result"]').text()).toBe('Visit to Café Shachar recorded: +1 point.')
  })

  it('offers the same visit again after no answer, and shows what the server first recorded', async () => {
    const code = await createCounterCode(KEY, 'cafe-shachar', Date.now())
    api.checkIn
      .mockRejectedValueOnce(new AppError('unavailable', 'offline'))
      .mockResolvedValue({ ...RECORDED, partnerId: 'cafe-shachar', replayed: true })
    const wrapper = await mountAt(`/check-in?c=${encodeURIComponent(code)}`)
    await press(wrapper, 'Record visit')
    expect(wrapper.find('[role="alert"]').exists()).toBe(true)
    await press(wrapper, 'Try again')
    const [first, second] = api.checkIn.mock.calls.map(([input]) => (input as { requestId: string }).requestId)
    expect(second).toBe(first)
    expect(wrapper.find('[data-testid="check-in-result"]').text()).toBe('Visit to Café Shachar recorded: +5 points.')
  })

  it('says why a visit was refused: too far from the poster’s store, the same poster can be tried again', async () => {
    const code = await createPosterCode(KEY, 'carmel-books', 1)
    api.checkIn.mockRejectedValue(new AppError('failed-precondition', 'far', [], 'too-far'))
    const wrapper = await mountAt(`/check-in?c=${encodeURIComponent(code)}`)
    await press(wrapper, 'Share location and record visit')
    expect(wrapper.text()).toContain('You seem to be far from this store.')
    expect(wrapper.findAll('button').some((b) => b.text() === 'Share location and record visit')).toBe(true)
  })

  it('sends the member back to the scanner after an expired screen code', async () => {
    shownToCamera = await createCounterCode(KEY, 'cafe-shachar', Date.now() - 5 * 60_000)
    api.checkIn.mockRejectedValue(new AppError('failed-precondition', 'old', [], 'visit-code-expired'))
    const wrapper = await mountAt('/check-in')
    await wrapper.find('[data-testid="fake-scan"]').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('This code has expired. Scan the screen at the till again.')
    expect(wrapper.find('[data-testid="fake-scan"]').exists()).toBe(true)
  })
})
