// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { AuditEntry } from '@/domain/admin/staff'
import { DEVICE_KEYS } from '@/services/device-storage'
import { locale } from '../support/i18n-instance'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(() => () => {}),
  watchPartners: vi.fn(),
  watchRewards: vi.fn(() => () => {}),
  fetchAuditPage: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/admin-staff-api', () => api)

const { default: AuditList } = await import('@/components/admin/audit/AuditList.vue')

const at = '2026-11-27T08:30:00.000Z'
const STAFF = { uid: 'staff-7', role: 'staff' as const, partnerId: 'cafe-shachar', tillId: 'till-front-01' }
const OPERATOR = { uid: 'demo-admin', role: 'admin' as const, partnerId: null, tillId: null }
const entry = (id: string, rest: Partial<AuditEntry>): AuditEntry => ({
  id,
  actor: OPERATOR,
  action: 'runMaintenance',
  memberUid: null,
  partnerId: null,
  target: null,
  details: {},
  at,
  ...rest,
})
const ENTRIES: AuditEntry[] = [
  entry('1', { actor: STAFF, action: 'recordPurchase', memberUid: 'dana', partnerId: 'cafe-shachar', target: 'R-1001', details: { amountShekels: 42, points: 42, status: 'recorded' } }),
  entry('2', { action: 'adjustPoints', memberUid: 'dana', target: 'adjust~x', details: { points: -20, note: 'Double purchase' } }),
  entry('3', { action: 'grantStaff', partnerId: 'cafe-shachar', target: 'staff-7', details: { email: 'noa@example.test', movedFrom: 'super-hashchuna' } }),
  entry('4', { actor: STAFF, action: 'lookupMember', partnerId: 'cafe-shachar', target: '10000008', details: { typed: true, found: false } }),
]

function mountList(props: Record<string, unknown> = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: AuditList }, { path: '/m/:uid', name: 'admin-member', component: AuditList }] })
  return mount(AuditList, { props, global: { plugins: [router] } })
}

beforeEach(() => {
  localStorage.clear()
  localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify({ uid: 'demo-admin', email: 'admin@moadon.test', role: 'admin', partnerId: null }))
  locale.value = 'en'
  for (const fn of Object.values(api)) fn.mockReset()
  api.watchSession.mockImplementation(() => () => {})
  api.watchRewards.mockImplementation(() => () => {})
  api.watchPartners.mockImplementation((onChange: (partners: unknown[]) => void) => {
    onChange([
      { id: 'cafe-shachar', name: { he: 'קפה שחר', en: 'Café Shachar' } },
      { id: 'super-hashchuna', name: { he: 'סופר השכונה', en: 'Neighborhood Market' } },
    ])
    return () => {}
  })
  setActivePinia(createPinia())
})

describe('the audit list', () => {
  it('says who did what, when and at which till, newest first, and pages on', async () => {
    api.fetchAuditPage.mockResolvedValueOnce({ entries: ENTRIES, next: 'cursor' }).mockResolvedValueOnce({ entries: [entry('5', {})], next: null })
    const wrapper = mountList()
    await flushPromises()
    expect(api.fetchAuditPage).toHaveBeenCalledWith({ memberUid: null, partnerId: null }, 25, null)
    const rows = wrapper.findAll('[data-testid="audit-entry"]').map((r) => r.text())
    expect(rows[0]).toContain('Purchase recorded: ₪42, receipt R-1001, 42 points')
    expect(rows[0]).toContain('Staff staff-7 at Café Shachar')
    expect(rows[0]).toContain('Till till-front-01')
    expect(rows[0]).toContain('Member dana')
    expect(rows[1]).toContain('Points corrected: \u2066−20\u2069')
    expect(rows[1]).toContain('Operator demo-admin')
    expect(rows[1]).toContain('Reason: Double purchase')
    expect(rows[2]).toContain('Staff account noa@example.test moved to Café Shachar from Neighborhood Market')
    expect(rows[3]).toContain('Member number 10000008 looked up, no such member')

    await wrapper.findAll('button').find((b) => b.text() === 'Show more')!.trigger('click')
    await flushPromises()
    expect(api.fetchAuditPage).toHaveBeenLastCalledWith({ memberUid: null, partnerId: null }, 25, 'cursor')
    expect(wrapper.findAll('[data-testid="audit-entry"]')).toHaveLength(5)
    expect(wrapper.findAll('button').some((b) => b.text() === 'Show more')).toBe(false)
  })

  it('shows one member’s actions without linking back to the member, in Hebrew', async () => {
    locale.value = 'he'
    api.fetchAuditPage.mockResolvedValue({ entries: [ENTRIES[0]!], next: null })
    const wrapper = mountList({ memberUid: 'dana' })
    await flushPromises()
    expect(api.fetchAuditPage).toHaveBeenCalledWith({ memberUid: 'dana', partnerId: null }, 25, null)
    const row = wrapper.find('[data-testid="audit-entry"]').text()
    expect(row).toContain('רישום קנייה')
    expect(row).toContain('קפה שחר')
    expect(row).not.toContain('חבר מועדון dana')
  })

  it('says when the log could not be read, and tries again', async () => {
    api.fetchAuditPage.mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce({ entries: [], next: null })
    const wrapper = mountList()
    await flushPromises()
    expect(wrapper.text()).toContain('Something went wrong on our side. Please try again.')
    await wrapper.findAll('button').find((b) => b.text() === 'Try again')!.trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('Nothing logged yet.')
  })
})
