// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/domain/shared/errors'
import { locale } from '../support/i18n-instance'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(() => () => {}),
  adjustPoints: vi.fn(),
  fetchLedgerPage: vi.fn(),
  fetchReceipt: vi.fn(),
  findMember: vi.fn(),
  watchMemberDoc: vi.fn(() => () => {}),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/admin-api', () => api)

const { default: AdminAdjustForm } = await import('@/components/admin/members/AdminAdjustForm.vue')
const { useAdminMembersStore } = await import('@/stores/admin/members')

function mountForm() {
  return mount(AdminAdjustForm, { props: { uid: 'dana', memberNo: '51234675' } })
}

async function fill(wrapper: ReturnType<typeof mountForm>, values: { take?: boolean; amount: string; note: string }) {
  if (values.take) await wrapper.find('input[value=take]').setValue(true)
  const [amount, note] = wrapper.findAll('input:not([type=radio])')
  await amount!.setValue(values.amount)
  await note!.setValue(values.note)
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  locale.value = 'en'
  for (const fn of Object.values(api)) fn.mockReset()
  api.watchSession.mockImplementation(() => () => {})
  api.fetchLedgerPage.mockResolvedValue({ entries: [], next: null })
})

describe('the adjustment form', () => {
  it('sends nothing without a reason or a whole number of points, and says why', async () => {
    const wrapper = mountForm()
    await fill(wrapper, { amount: '12.5', note: 'ok' })
    expect(api.adjustPoints).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Enter a whole number of points, from 1 to 1,000,000.')
    expect(wrapper.text()).toContain('Write the reason for the correction, 3 to 200 characters.')
  })

  it('takes points away with the reason and a request id, and shows the new balance', async () => {
    api.adjustPoints.mockResolvedValue({ balance: 880, replayed: false })
    useAdminMembersStore().open('dana')
    await flushPromises()
    expect(api.fetchLedgerPage).toHaveBeenCalledTimes(1)
    const wrapper = mountForm()
    await fill(wrapper, { take: true, amount: '120', note: '  Double purchase at the till  ' })
    expect(api.adjustPoints).toHaveBeenCalledTimes(1)
    const sent = api.adjustPoints.mock.calls[0]![0]
    expect(sent).toMatchObject({ memberNo: '51234675', points: -120, note: 'Double purchase at the till' })
    expect(sent.requestId).toMatch(/^[\w-]{8,64}$/)
    expect(wrapper.get('[role=status]').text()).toBe('Saved: \u2066−120\u2069. The balance is now 880 points.')
    // The member's ledger is read again from its first page, so the correction shows at once.
    expect(api.fetchLedgerPage).toHaveBeenCalledTimes(2)
    expect(api.fetchLedgerPage.mock.calls[1]).toEqual(['dana', { after: null, pageSize: 25 }])
  })

  it('keeps the request id across a retry after a lost answer, and takes a new one for the next correction', async () => {
    api.adjustPoints.mockRejectedValueOnce(new AppError('internal', 'lost')).mockResolvedValue({ balance: 170, replayed: true })
    const wrapper = mountForm()
    await fill(wrapper, { amount: '120', note: 'Missing sale points' })
    expect(wrapper.find('[role=alert]').exists()).toBe(true)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const [first, retry] = api.adjustPoints.mock.calls.map((call) => call[0].requestId)
    expect(retry).toBe(first)
    await fill(wrapper, { amount: '120', note: 'Missing sale points' })
    expect(api.adjustPoints.mock.calls[2]![0].requestId).not.toBe(first)
  })

  it('translates the server’s refusal', async () => {
    api.adjustPoints.mockRejectedValue(new AppError('failed-precondition', 'conflict', [], 'request-conflict'))
    const wrapper = mountForm()
    locale.value = 'he'
    await fill(wrapper, { amount: '5', note: 'תיקון כפול' })
    expect(wrapper.get('[role=alert]').text()).toBe('התיקון הזה כבר נשלח עם פרטים אחרים. כדאי לבדוק את היסטוריית הנקודות ולשמור אותו שוב.')
  })
})
