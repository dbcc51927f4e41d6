// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReversalResult } from '@/domain/contracts/callable-results'
import type { TillDayResult } from '@/domain/partners/till-day'
import { AppError } from '@/domain/shared/errors'
import { DEVICE_KEYS } from '@/services/device-storage'
import { useTillDayStore } from '@/stores/till-day'
import { locale } from '../support/i18n-instance'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(() => () => {}),
  watchClubConfig: vi.fn(() => () => {}),
  recordPurchase: vi.fn(),
  lookupMember: vi.fn(),
  acceptCoupon: vi.fn(),
  confirmEcoAction: vi.fn(),
  listTillDay: vi.fn(),
  reversePurchase: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/till-api', () => api)

const { default: TillRefund } = await import('@/components/staff/TillRefund.vue')

const TOTALS = { purchases: 1, purchaseShekels: 42.5, purchasePoints: 42, refunds: 0, refundShekels: 0, refundPoints: 0, coupons: 0, eco: 0, ecoPoints: 0 }
const DAY: TillDayResult = {
  day: '2026-11-27',
  entries: [
    {
      id: 'row-1',
      kind: 'purchase',
      at: '2026-11-27T08:15:00.000Z',
      status: 'recorded',
      receiptId: 'R-100',
      amountShekels: 42.5,
      points: 42,
      displayName: 'Dana K.',
      ref: null,
      name: null,
      tillId: 'till-test-0001',
    },
  ],
  totals: TOTALS,
  complete: true,
}
const REFUNDED: ReversalResult = { reversedPoints: 42, receiptId: 'R-100', amountShekels: 42.5, displayName: 'Dana K.', replayed: false }

function mountForm(receipt: string | null = null) {
  return mount(TillRefund, { props: { receipt } })
}

async function press(wrapper: ReturnType<typeof mountForm>, name: string) {
  const button = wrapper.findAll('button').find((b) => b.text() === name)
  if (!button) throw new Error(`no button ${name}`)
  await button.trigger(button.attributes('type') === 'submit' ? 'submit' : 'click')
  await flushPromises()
}

async function receipt(wrapper: ReturnType<typeof mountForm>, value: string) {
  await wrapper.find('input[type="text"]').setValue(value)
}

beforeEach(() => {
  localStorage.clear()
  localStorage.setItem(DEVICE_KEYS.tillId, JSON.stringify('till-test-0001'))
  locale.value = 'en'
  for (const fn of Object.values(api)) fn.mockReset()
  api.watchSession.mockImplementation(() => () => {})
  api.listTillDay.mockResolvedValue(DAY)
  setActivePinia(createPinia())
})

describe('the refund form at the till', () => {
  it('asks for a receipt as printed and a reason before anything is sent', async () => {
    const wrapper = mountForm()
    await receipt(wrapper, 'R 100')
    await press(wrapper, 'Continue')
    expect(wrapper.find('[data-testid="till-refund-failure"]').text()).toBe('Enter the receipt number as printed (up to 40 characters, no spaces).')
    await receipt(wrapper, 'R-100')
    await press(wrapper, 'Continue')
    expect(wrapper.find('[data-testid="till-refund-failure"]').text()).toBe('Choose why the purchase is refunded.')
    expect(wrapper.find('[data-testid="till-refund-confirm"]').exists()).toBe(false)
    expect(api.reversePurchase).not.toHaveBeenCalled()
  })

  it('confirms what will be taken back, sends the receipt, the reason and the till, then reads the day again', async () => {
    api.reversePurchase.mockResolvedValue(REFUNDED)
    await useTillDayStore().load()
    const wrapper = mountForm()
    await receipt(wrapper, ' R-100 ')
    await wrapper.find('input[value="wrong-amount"]').setValue(true)
    await press(wrapper, 'Continue')

    expect(wrapper.text()).toContain('Refund this purchase?')
    expect(wrapper.text()).toContain('Receipt R-100, ₪42.5, Dana K.: 42 points will be taken back.')
    expect(api.reversePurchase).not.toHaveBeenCalled()
    await press(wrapper, 'Confirm refund')

    expect(api.reversePurchase).toHaveBeenCalledWith({ receiptId: 'R-100', reason: 'wrong-amount', tillId: 'till-test-0001' })
    expect(wrapper.find('[data-testid="till-refund-done"]').text()).toBe('Refunded receipt R-100 for Dana K.: 42 points taken back.')
    expect(api.listTillDay).toHaveBeenCalledTimes(2)
    expect((wrapper.find('input[type="text"]').element as HTMLInputElement).value).toBe('')
  })

  it('goes back from the confirmation without sending', async () => {
    const wrapper = mountForm('R-7')
    await wrapper.find('input[value="returned"]').setValue(true)
    await press(wrapper, 'Continue')
    expect(wrapper.text()).toContain('Receipt R-7: everything this purchase earned will be taken back.')
    await press(wrapper, 'Back')
    expect((wrapper.find('input[type="text"]').element as HTMLInputElement).value).toBe('R-7')
    expect(api.reversePurchase).not.toHaveBeenCalled()
  })

  it.each([
    ['refund-daily-count', 'resource-exhausted', 'This account has reached today’s limit of refunds. Another staff member or the club can refund it.'],
    ['unknown-receipt', 'not-found', 'There’s no purchase with this receipt number at this store. Check the number as printed.'],
    ['staff-self-refund', 'permission-denied', 'Staff can’t refund a purchase on their own member account. Another staff member can do it.'],
    ['purchase-pending', 'failed-precondition', 'This purchase is still waiting for the club’s approval, so there’s nothing to refund yet. The club can refuse it instead.'],
  ] as const)('says the refusal %s in words', async (reason, code, text) => {
    api.reversePurchase.mockRejectedValue(new AppError(code, 'refused', [], reason))
    const wrapper = mountForm('R-100')
    await wrapper.find('input[value="returned"]').setValue(true)
    await press(wrapper, 'Continue')
    await press(wrapper, 'Confirm refund')
    expect(wrapper.find('[data-testid="till-refund-failure"]').text()).toBe(text)
    expect(wrapper.find('[data-testid="till-refund-done"]').exists()).toBe(false)
  })

  it('says when the receipt was already refunded, and speaks Hebrew', async () => {
    locale.value = 'he'
    api.reversePurchase.mockResolvedValue({ ...REFUNDED, replayed: true })
    const wrapper = mountForm('R-100')
    expect(wrapper.text()).toContain('זיכוי קנייה')
    await wrapper.find('input[value="cancelled"]').setValue(true)
    await press(wrapper, 'המשך')
    await press(wrapper, 'אישור הזיכוי')
    // The receipt is isolated inside the Hebrew sentence.
    expect(wrapper.find('[data-testid="till-refund-done"]').text()).toBe('קבלה \u2068R-100\u2069 כבר זוכתה. לא ירד שום דבר נוסף.')
  })
})
