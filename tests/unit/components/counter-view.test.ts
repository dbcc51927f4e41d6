// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { parseVisitCode } from '@/domain/partners/check-in'
import { verifyCounterCode } from '@/domain/partners/counter-code'
import { toBase64 } from '@/domain/shared/crypto'
import { AppError } from '@/domain/shared/errors'
import { DEVICE_KEYS } from '@/services/device-storage'
import { locale } from '../support/i18n-instance'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(() => () => {}),
  watchPartners: vi.fn(),
  watchRewards: vi.fn(() => () => {}),
  checkIn: vi.fn(),
  getCounterKey: vi.fn(),
  // The counter screen also shows today's treasure-hunt codes (none in these tests).
  watchHunts: vi.fn(),
  watchHuntProgress: vi.fn(() => () => {}),
  getHuntCode: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { default: CounterView } = await import('@/views/CounterView.vue')

const KEY = new Uint8Array(32).fill(9)
const STAFF = { uid: 'staff-1', email: 'staff.cafe-shachar@moadon.test', role: 'staff', partnerId: 'cafe-shachar' }

/** Drawing the QR is not under test: the value it would draw is. */
const FakeQr = defineComponent({
  props: { value: { type: String, required: true } },
  setup: (props) => () => h('div', { 'data-qr-value': props.value }),
})

async function mountCounter(path = '/staff') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/staff', name: 'staff', component: { render: () => null } },
      { path: '/counter', name: 'counter', component: { render: () => null } },
    ],
  })
  await router.push(path)
  const wrapper = mount(CounterView, { global: { plugins: [router], stubs: { BaseQrCode: FakeQr } } })
  await flushPromises()
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  localStorage.clear()
  localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify(STAFF))
  locale.value = 'en'
  for (const fn of Object.values(api)) fn.mockReset()
  api.watchSession.mockImplementation(() => () => {})
  api.watchRewards.mockImplementation(() => () => {})
  api.watchPartners.mockImplementation((onChange: (partners: unknown[]) => void) => {
    onChange([{ id: 'cafe-shachar', name: { he: 'קפה שחר', en: 'Café Shachar' } }])
    return () => {}
  })
  setActivePinia(createPinia())
})

describe('the counter screen', () => {
  it('opens for an operator on the store chosen in the console, with a way back to the console', async () => {
    localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify({ uid: 'demo-admin', email: 'admin@moadon.test', role: 'admin', partnerId: null }))
    api.getCounterKey.mockResolvedValue({ partnerId: 'cafe-shachar', key: toBase64(KEY), stepSeconds: 30 })
    const wrapper = await mountCounter('/counter?partner=cafe-shachar')
    expect(api.getCounterKey).toHaveBeenCalledWith({ partnerId: 'cafe-shachar' })
    expect(wrapper.find('h1').text()).toBe('Visit code · Café Shachar')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="counter-qr"]').attributes('data-qr-value')).toMatch(/\/check-in\?c=S1\.cafe-shachar\./))
    // Treasure-hunt codes are the store staff's, and the way back leads to the console, not a till.
    expect(api.watchHunts).not.toHaveBeenCalled()
    expect(wrapper.find('a[href="/admin/partners"]').text()).toBe('Back to the club console')
  })

  it('asks an operator for nothing without a chosen store', async () => {
    localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify({ uid: 'demo-admin', email: 'admin@moadon.test', role: 'admin', partnerId: null }))
    await mountCounter('/counter')
    expect(api.getCounterKey).not.toHaveBeenCalled()
  })

  it('shows a link with the store’s current code, signed on the device with the key it fetched', async () => {
    api.getCounterKey.mockResolvedValue({ partnerId: 'cafe-shachar', key: toBase64(KEY), stepSeconds: 30 })
    const wrapper = await mountCounter()
    expect(api.getCounterKey).toHaveBeenCalledWith({ partnerId: 'cafe-shachar' })
    expect(wrapper.find('h1').text()).toBe('Visit code · Café Shachar')
    // Signing goes through WebCrypto, which answers on a later task than Vue's.
    await vi.waitFor(() => expect(wrapper.find('[data-testid="counter-qr"]').exists()).toBe(true))
    const link = wrapper.find('[data-testid="counter-qr"]').attributes('data-qr-value')!
    expect(link).toMatch(/\/check-in\?c=S1\.cafe-shachar\./)
    const code = parseVisitCode(link)
    expect(code?.mode).toBe('screen')
    expect(await verifyCounterCode(KEY, code as Parameters<typeof verifyCounterCode>[1], Date.now())).toBe('ok')
    wrapper.unmount()
  })

  it('without a connection before the key ever arrived, says to connect once', async () => {
    api.getCounterKey.mockRejectedValue(new AppError('unavailable', 'offline'))
    const wrapper = await mountCounter()
    expect(wrapper.find('[role="alert"]').text()).toBe('Connect to the internet once to set up this screen.')
    expect(wrapper.find('[data-testid="counter-qr"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('for a store that uses a printed poster, says so', async () => {
    api.getCounterKey.mockRejectedValue(new AppError('failed-precondition', 'printed', [], 'visit-mode-printed'))
    const wrapper = await mountCounter()
    expect(wrapper.find('[role="alert"]').text()).toContain('This store uses a printed poster, not a counter screen.')
    wrapper.unmount()
  })

  it("shows today's treasure-hunt code for a clue at this store only, isolated left to right", async () => {
    api.getCounterKey.mockResolvedValue({ partnerId: 'cafe-shachar', key: toBase64(KEY), stepSeconds: 30 })
    const clue = (partnerId: string, answer: 'daily' | 'printed') => ({ text: { he: 'רמז', en: 'Clue' }, place: 'partner', partnerId, answer })
    api.watchHunts.mockImplementation((onChange: (hunts: unknown[]) => void) => {
      onChange([
        {
          id: 'demo',
          title: { he: 'ציד', en: 'Hunt' },
          intro: { he: 'מבוא', en: 'Intro' },
          startsAt: Date.now() - 1000,
          endsAt: Date.now() + 3600_000,
          pointsPerClue: 25,
          finishBonus: 75,
          clues: [clue('cafe-shachar', 'daily'), clue('cafe-shachar', 'printed'), clue('carmel-books', 'daily')],
        },
      ])
      return () => {}
    })
    api.watchHuntProgress.mockImplementation(() => () => {})
    api.getHuntCode.mockResolvedValue({ huntId: 'demo', clueIndex: 0, code: 'ABC234', day: '2026-11-27' })
    const wrapper = await mountCounter()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="counter-hunt-demo:0"]').exists()).toBe(true))
    expect(api.getHuntCode.mock.calls).toEqual([[{ huntId: 'demo', clueIndex: 0 }]])
    const code = wrapper.find('[data-testid="counter-hunt-demo:0"] strong')
    expect(code.text()).toBe('ABC234')
    expect(code.attributes('dir')).toBe('ltr')
    wrapper.unmount()
  })
})
