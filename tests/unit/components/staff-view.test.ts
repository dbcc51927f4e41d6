// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { PurchaseResult } from '@/domain/contracts/callable-results'
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
const TIERS = [
  { id: 'silver', name: { he: 'סילבר', en: 'Silver' } },
  { id: 'gold', name: { he: 'גולד', en: 'Gold' } },
]
const RECORDED: PurchaseResult = { status: 'recorded', points: 30, displayName: 'Dana K.', tierId: 'gold', replayed: false }

/** The camera is not under test: a stand-in that hands the view whatever code it is given. */
let codeOnCamera = TOKEN
const FakeScanner = defineComponent({
  emits: ['code'],
  setup(_, { emit, expose }) {
    expose({ end: () => {} })
    return () => h('button', { type: 'button', 'data-testid': 'fake-scan', onClick: () => emit('code', codeOnCamera) }, 'scan')
  },
})

function mountTill() {
  return mount(StaffView, {
    global: { stubs: { StaffScanner: FakeScanner } },
  })
}

async function fill(wrapper: ReturnType<typeof mountTill>, label: string, value: string) {
  const field = wrapper.findAll('label').find((l) => l.text() === label)
  if (!field) throw new Error(`no field labelled ${label}`)
  await wrapper.find(`#${field.attributes('for')}`).setValue(value)
}

async function press(wrapper: ReturnType<typeof mountTill>, name: string) {
  const button = wrapper.findAll('button').find((b) => b.text() === name)
  if (!button) throw new Error(`no button ${name}`)
  await button.trigger(button.attributes('type') === 'submit' ? 'submit' : 'click')
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
    onChange({ tiers: TIERS })
    return () => {}
  })
  api.watchPartners.mockImplementation((onChange: (partners: unknown[]) => void) => {
    onChange([{ id: 'cafe-shachar', name: { he: 'קפה שחר', en: 'Café Shachar' } }])
    return () => {}
  })
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
  setActivePinia(createPinia())
})

describe('the till screen, a scanned card', () => {
  it('shows the member number from the card at once and says what the club recorded', async () => {
    api.recordPurchase.mockResolvedValue(RECORDED)
    const wrapper = mountTill()
    await wrapper.find('[data-testid="fake-scan"]').trigger('click')

    expect(wrapper.find('[data-testid="staff-customer"]').text()).toContain('Card scanned')
    expect(wrapper.find('[data-testid="staff-customer"]').text()).toContain('1000 0008')
    await fill(wrapper, 'Amount (₪)', '15')
    await press(wrapper, 'Record purchase')

    expect(api.lookupMember).not.toHaveBeenCalled()
    expect(api.recordPurchase).toHaveBeenCalledTimes(1)
    expect(wrapper.find('[data-testid="staff-done"]').text()).toBe('Recorded for Dana K., Gold: \u2066+30\u2069 points.')
    expect(wrapper.find('[data-testid="staff-customer"]').exists()).toBe(false)
    // Today's list was read when the till opened, and again after the purchase.
    expect(api.listTillDay).toHaveBeenCalledTimes(2)
  })

  it('says a purchase above the review threshold is held, not that points were earned', async () => {
    api.recordPurchase.mockResolvedValue({ ...RECORDED, status: 'pending' })
    const wrapper = mountTill()
    await wrapper.find('[data-testid="fake-scan"]').trigger('click')
    await fill(wrapper, 'Amount (₪)', '2500')
    await press(wrapper, 'Record purchase')
    expect(wrapper.find('[data-testid="staff-done"]').text()).toBe('Held for approval: Dana K., Gold. The points wait for the club’s approval.')
  })

  it('does not call a server failure "no connection", and shows the purchase waiting to be sent again', async () => {
    api.recordPurchase.mockRejectedValue(new AppError('internal', 'crash'))
    const wrapper = mountTill()
    await wrapper.find('[data-testid="fake-scan"]').trigger('click')
    await fill(wrapper, 'Amount (₪)', '15')
    await fill(wrapper, 'Receipt number', 'R-77')
    await press(wrapper, 'Record purchase')

    const done = wrapper.find('[data-testid="staff-done"]').text()
    expect(done).toBe('Something went wrong on our side. The purchase is saved on this device and will be sent again automatically.')
    expect(done).not.toContain('No connection')
    expect(wrapper.find('[data-testid="staff-queued-R-77"]').text()).toContain('Something went wrong on our side. Trying again…')
  })

  it('refuses an amount with more than two decimals before sending anything', async () => {
    const wrapper = mountTill()
    await wrapper.find('[data-testid="fake-scan"]').trigger('click')
    await fill(wrapper, 'Amount (₪)', '12.345')
    await press(wrapper, 'Record purchase')
    expect(wrapper.find('[role="alert"]').text()).toBe('Enter the purchase amount in shekels.')
    expect(api.recordPurchase).not.toHaveBeenCalled()
  })
})

describe('the till screen, a typed number', () => {
  it('takes a wallet pass\'s bare member number as a typed one: looked up, flagged, never as a scanned card', async () => {
    api.lookupMember.mockResolvedValue({ memberNo: '10000008', displayName: 'Dana K.', tierId: 'gold' })
    api.recordPurchase.mockResolvedValue(RECORDED)
    codeOnCamera = '10000008'
    try {
      const wrapper = mountTill()
      // Staff never pick "wallet pass" themselves: only a scan says so.
      expect(wrapper.find('input[value="wallet-pass"]').exists()).toBe(false)
      await wrapper.find('[data-testid="fake-scan"]').trigger('click')
      await flushPromises()
      expect(api.lookupMember).toHaveBeenCalledWith({ memberNo: '10000008', tillId: expect.stringMatching(/^till-/) })
      expect(wrapper.text()).toContain('Typed number: the purchase is marked for the club’s review.')
      await fill(wrapper, 'Amount (₪)', '15')
      await press(wrapper, 'Record purchase')
      expect(api.recordPurchase).toHaveBeenCalledWith(expect.objectContaining({ memberNo: '10000008', typedReason: 'wallet-pass' }))
      expect(api.recordPurchase.mock.calls[0]![0]).not.toHaveProperty('token')
    } finally {
      codeOnCamera = TOKEN
    }
  })

  it('asks why the number is typed before looking it up, then shows who the club confirmed', async () => {
    api.lookupMember.mockResolvedValue({ memberNo: '10000008', displayName: 'Dana K.', tierId: 'gold' })
    const wrapper = mountTill()
    await fill(wrapper, 'Or type the member number', '1000 0008')
    await press(wrapper, 'Find customer')
    expect(wrapper.find('[role="alert"]').text()).toBe('Choose why the number is typed instead of scanned.')
    expect(api.lookupMember).not.toHaveBeenCalled()

    await wrapper.find('input[value="phone-battery"]').setValue(true)
    await press(wrapper, 'Find customer')
    expect(api.lookupMember).toHaveBeenCalledWith({ memberNo: '10000008', tillId: expect.stringMatching(/^till-/) })
    expect(wrapper.find('[data-testid="staff-customer"]').text()).toContain('Dana K. · Gold')
    expect(wrapper.text()).toContain('Typed number: the purchase is marked for the club’s review.')
  })

  it('says clearly when the lookups of this account hit their limit', async () => {
    api.lookupMember.mockRejectedValue(new AppError('resource-exhausted', 'slow down', [], 'lookup-rate'))
    const wrapper = mountTill()
    await fill(wrapper, 'Or type the member number', '10000008')
    await wrapper.find('input[value="qr-unreadable"]').setValue(true)
    await press(wrapper, 'Find customer')
    expect(wrapper.find('[role="alert"]').text()).toBe(
      'Too many member number lookups from this account. Wait a minute, or scan the customer’s card.',
    )
  })
})
