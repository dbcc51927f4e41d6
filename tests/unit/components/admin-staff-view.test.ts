// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { StaffAccount } from '@/domain/admin/staff'
import { AppError } from '@/domain/shared/errors'
import { DEVICE_KEYS } from '@/services/device-storage'
import { locale } from '../support/i18n-instance'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(() => () => {}),
  watchPartners: vi.fn(),
  watchRewards: vi.fn(() => () => {}),
  watchStaffAccounts: vi.fn(),
  grantStaff: vi.fn(),
  revokeStaff: vi.fn(),
  fetchAuditPage: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/admin-staff-api', () => api)

const { default: StaffView } = await import('@/views/admin/StaffView.vue')

const ADMIN = { uid: 'op-1', email: 'admin@moadon.test', role: 'admin', partnerId: null }
const PARTNERS = [
  { id: 'cafe-shachar', name: { he: 'קפה שחר', en: 'Café Shachar' } },
  { id: 'super-hashchuna', name: { he: 'סופר השכונה', en: 'Neighborhood Market' } },
]
const ACCOUNT: StaffAccount = {
  uid: 'staff-1',
  email: 'noa@example.test',
  partnerId: 'cafe-shachar',
  active: true,
  memberUid: null,
  grantedBy: 'op-1',
  grantedAt: '2026-11-20T09:00:00.000Z',
  revokedBy: null,
  revokedAt: null,
}
let pushAccounts: (accounts: StaffAccount[]) => void = () => {}

function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: StaffView }, { path: '/m/:uid', name: 'admin-member', component: StaffView }] })
  return mount(StaffView, { global: { plugins: [router] } })
}

async function fill(wrapper: ReturnType<typeof mountView>, label: string, value: string) {
  const field = wrapper.findAll('label').find((l) => l.text() === label)
  if (!field) throw new Error(`no field labelled ${label}`)
  await wrapper.find(`#${field.attributes('for')}`).setValue(value)
}

async function press(wrapper: ReturnType<typeof mountView>, name: string) {
  const button = wrapper.findAll('button').find((b) => b.text() === name)
  if (!button) throw new Error(`no button ${name}`)
  await button.trigger(button.attributes('type') === 'submit' ? 'submit' : 'click')
  await flushPromises()
}

beforeEach(() => {
  localStorage.clear()
  localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify(ADMIN))
  locale.value = 'en'
  for (const fn of Object.values(api)) fn.mockReset()
  api.watchSession.mockImplementation(() => () => {})
  api.watchRewards.mockImplementation(() => () => {})
  api.watchPartners.mockImplementation((onChange: (partners: unknown[]) => void) => {
    onChange(PARTNERS)
    return () => {}
  })
  api.watchStaffAccounts.mockImplementation((_partnerId: string | null, onValue: (accounts: StaffAccount[]) => void) => {
    pushAccounts = onValue
    onValue([ACCOUNT])
    return () => {}
  })
  api.fetchAuditPage.mockResolvedValue({ entries: [], next: null })
  setActivePinia(createPinia())
})

describe('the staff accounts screen', () => {
  it('lists the staff with their store and grants an account by email and store', async () => {
    api.grantStaff.mockResolvedValue({ uid: 'staff-2', email: 'dan@example.test', partnerId: 'super-hashchuna', memberUid: null, replayed: false })
    const wrapper = mountView()
    await flushPromises()
    const row = wrapper.find('[data-testid="staff-account"]')
    expect(row.text()).toContain('noa@example.test')
    expect(row.text()).toContain('Café Shachar')
    expect(row.text()).toContain('Active')

    await fill(wrapper, 'Email of the account', ' dan@example.test ')
    await wrapper.find('#admin-staff-partner').setValue('super-hashchuna')
    await press(wrapper, 'Grant')
    expect(api.grantStaff).toHaveBeenCalledWith({ email: 'dan@example.test', partnerId: 'super-hashchuna' })
    expect(wrapper.text()).toContain('dan@example.test now works at Neighborhood Market. To open the till, they sign in again or reload the app.')
  })

  it('asks for an email and a store before calling, and translates a refusal', async () => {
    const wrapper = mountView()
    await flushPromises()
    await press(wrapper, 'Grant')
    expect(api.grantStaff).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Enter the email address of the account.')

    api.grantStaff.mockRejectedValue(new AppError('not-found', 'no account', [], 'account-not-found'))
    await fill(wrapper, 'Email of the account', 'ghost@example.test')
    await wrapper.find('#admin-staff-partner').setValue('cafe-shachar')
    await press(wrapper, 'Grant')
    expect(wrapper.text()).toContain('No account has this email address. Ask the person to sign up first, then grant again.')
  })

  it('revokes only after a confirmation', async () => {
    api.revokeStaff.mockImplementation(async () => {
      pushAccounts([{ ...ACCOUNT, active: false, revokedBy: 'op-1', revokedAt: '2026-11-27T09:00:00.000Z' }])
      return { uid: 'staff-1', replayed: false }
    })
    const wrapper = mountView()
    await flushPromises()
    await press(wrapper, 'Revoke')
    expect(api.revokeStaff).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Revoke noa@example.test?')
    await press(wrapper, 'Keep')
    expect(wrapper.text()).not.toContain('Revoke noa@example.test?')

    await press(wrapper, 'Revoke')
    await press(wrapper, 'Yes, revoke')
    expect(api.revokeStaff).toHaveBeenCalledWith({ uid: 'staff-1' })
    expect(wrapper.text()).toContain('noa@example.test no longer works at the till.')
    expect(wrapper.find('[data-testid="staff-account"]').text()).toContain('Revoked on')
  })

  it('reads in Hebrew', async () => {
    locale.value = 'he'
    const wrapper = mountView()
    await flushPromises()
    expect(wrapper.find('h1').text()).toBe('חשבונות צוות')
    expect(wrapper.find('[data-testid="staff-account"]').text()).toContain('קפה שחר')
  })
})
