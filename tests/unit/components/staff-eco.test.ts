// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { ConfirmEcoActionResult, EcoPolicy } from '@/domain/earn/eco'
import { AppError } from '@/domain/shared/errors'
import { DEVICE_KEYS } from '@/services/device-storage'
import { locale } from '../support/i18n-instance'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(() => () => {}),
  watchClubConfig: vi.fn(),
  watchPartners: vi.fn(),
  watchRewards: vi.fn(() => () => {}),
  recordPurchase: vi.fn(),
  lookupMember: vi.fn(),
  acceptCoupon: vi.fn(),
  listTillDay: vi.fn(),
  reversePurchase: vi.fn(),
  confirmEcoAction: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)
vi.mock('@/services/firebase/till-api', () => api)

const EMPTY_DAY = {
  day: '2026-11-27',
  entries: [],
  totals: { purchases: 0, purchaseShekels: 0, purchasePoints: 0, refunds: 0, refundShekels: 0, refundPoints: 0, coupons: 0, eco: 0, ecoPoints: 0 },
  complete: true,
}

const { default: StaffView } = await import('@/views/StaffView.vue')

const TOKEN = 'V1.10000008.58000000.ABCDEFGHIJ'
const STAFF = { uid: 'staff-1', email: 'staff.cafe-shachar@moadon.test', role: 'staff', partnerId: 'cafe-shachar' }
const ECO: EcoPolicy = {
  actions: [
    { id: 'eco-cup', label: { he: 'כוס רב־פעמית', en: 'Own cup' }, points: 5, perDay: 1, partnerIds: null },
    { id: 'eco-packaging', label: { he: 'החזרת אריזה', en: 'Returned packaging' }, points: 10, perDay: 2, partnerIds: ['super-hashchuna'] },
  ],
  staffDailyCap: 40,
}
const CONFIRMED: ConfirmEcoActionResult = { actionId: 'eco-cup', points: 5, displayName: 'Dana K.', tierId: 'silver', replayed: false }

const FakeScanner = defineComponent({
  emits: ['code'],
  setup(_, { emit, expose }) {
    expose({ end: () => {} })
    return () => h('button', { type: 'button', 'data-testid': 'fake-scan', onClick: () => emit('code', TOKEN) }, 'scan')
  },
})

const mountTill = () => mount(StaffView, { global: { stubs: { StaffScanner: FakeScanner } } })

async function scanAndTapCup(wrapper: ReturnType<typeof mountTill>) {
  await wrapper.find('[data-testid="fake-scan"]').trigger('click')
  await wrapper.find('[data-testid="staff-eco-eco-cup"]').trigger('click')
  await flushPromises()
}

beforeEach(() => {
  localStorage.clear()
  localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify(STAFF))
  locale.value = 'en'
  for (const fn of Object.values(api)) fn.mockReset()
  api.watchSession.mockImplementation(() => () => {})
  api.watchRewards.mockImplementation(() => () => {})
  // Today's list, read when the till opens: nothing yet.
  api.listTillDay.mockResolvedValue(EMPTY_DAY)
  api.watchClubConfig.mockImplementation((onChange: (config: unknown) => void) => {
    onChange({ tiers: [{ id: 'silver', name: { he: 'סילבר', en: 'Silver' } }], eco: ECO })
    return () => {}
  })
  api.watchPartners.mockImplementation((onChange: (partners: unknown[]) => void) => {
    onChange([{ id: 'cafe-shachar', name: { he: 'קפה שחר', en: 'Café Shachar' } }])
    return () => {}
  })
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
  setActivePinia(createPinia())
})

describe('the till, an eco action', () => {
  it('offers this store’s eco actions after a scan, confirms one with the card and says what was paid', async () => {
    api.confirmEcoAction.mockResolvedValue(CONFIRMED)
    const wrapper = mountTill()
    expect(wrapper.find('[data-testid="staff-eco-eco-cup"]').exists()).toBe(false)
    await wrapper.find('[data-testid="fake-scan"]').trigger('click')
    expect(wrapper.find('[data-testid="staff-eco-eco-cup"]').text()).toBe('Own cup · 5 points')
    // Packaging is offered at another store only.
    expect(wrapper.find('[data-testid="staff-eco-eco-packaging"]').exists()).toBe(false)
    await wrapper.find('[data-testid="staff-eco-eco-cup"]').trigger('click')
    await flushPromises()

    expect(api.confirmEcoAction).toHaveBeenCalledWith({
      token: TOKEN,
      actionId: 'eco-cup',
      requestId: expect.any(String),
      tillId: expect.stringMatching(/^till-/),
    })
    expect(api.recordPurchase).not.toHaveBeenCalled()
    expect(wrapper.find('[data-testid="staff-done"]').text()).toBe('Eco action confirmed for Dana K.: Own cup, \u2066+5\u2069 points.')
    expect(wrapper.find('[data-testid="staff-customer"]').exists()).toBe(false)
  })

  it('says why the club refused, and keeps the customer at the till', async () => {
    api.confirmEcoAction.mockRejectedValue(new AppError('resource-exhausted', 'cap', [], 'eco-member-daily'))
    const wrapper = mountTill()
    await scanAndTapCup(wrapper)
    expect(wrapper.find('[role="alert"]').text()).toBe(
      'This customer has already had this eco action confirmed as often as allowed today. They can get it again tomorrow.',
    )
    expect(wrapper.find('[data-testid="staff-customer"]').exists()).toBe(true)
  })

  it('sends a second tap after a lost answer with the same request, so it pays once', async () => {
    api.confirmEcoAction.mockRejectedValueOnce(new AppError('internal', 'lost')).mockResolvedValueOnce({ ...CONFIRMED, replayed: true })
    const wrapper = mountTill()
    await scanAndTapCup(wrapper)
    await wrapper.find('[data-testid="staff-eco-eco-cup"]').trigger('click')
    await flushPromises()
    const [first, second] = api.confirmEcoAction.mock.calls.map((call) => (call as [{ requestId: string }])[0].requestId)
    expect(second).toBe(first)
    expect(wrapper.find('[data-testid="staff-done"]').exists()).toBe(true)
  })

  it('offers no eco action for a typed member number', async () => {
    api.lookupMember.mockResolvedValue({ memberNo: '10000008', displayName: 'Dana K.', tierId: 'silver' })
    const wrapper = mountTill()
    const field = wrapper.findAll('label').find((l) => l.text() === 'Or type the member number')!
    await wrapper.find(`#${field.attributes('for')}`).setValue('1000 0008')
    await wrapper.find('input[value="phone-battery"]').setValue(true)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="staff-customer"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="staff-eco-eco-cup"]').exists()).toBe(false)
  })
})
