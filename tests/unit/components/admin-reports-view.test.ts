// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReportSummary } from '@/domain/reports/reports'
import { settlementOf } from '@/domain/reports/settlement'
import { locale } from '../support/i18n-instance'

const api = vi.hoisted(() => ({
  fetchReportSummary: vi.fn(),
  fetchReportMonths: vi.fn(),
  refreshReports: vi.fn(),
  getSettlement: vi.fn(),
}))
vi.mock('@/services/firebase/admin-reports-api', () => api)
vi.mock('@/services/firebase', () => ({ watchClubConfig: vi.fn(() => () => {}), watchSession: vi.fn(() => () => {}) }))

const { default: ReportsView } = await import('@/views/admin/ReportsView.vue')
const { default: SettlementView } = await import('@/views/admin/SettlementView.vue')

const summary: ReportSummary = {
  refreshedAt: new Date().toISOString(),
  members: { total: 12, byTier: { silver: 9, gold: 3 }, active30: 5, active90: 8 },
  referrals: { opened: 20, joined: 6, qualified: 2, held: 1 },
  surveys: [
    {
      surveyId: 's1',
      title: { he: 'סקר', en: 'Survey' },
      responses: 4,
      paid: 3,
      flagged: 1,
      flags: { 'attention-check': 1, 'too-fast': 0, 'straight-lining': 0 },
      questions: [
        { id: 'q1', type: 'nps', title: { he: 'ממליצים?', en: 'Recommend?' }, answered: 3, options: [], distribution: [], average: 8.3, nps: 33 },
        { id: 'q2', type: 'text', title: { he: 'עוד?', en: 'More?' }, answered: 1, options: [], distribution: [], average: null, nps: null },
      ],
    },
  ],
  offers: [],
}
const month = { month: '2026-11', club: { issued: 500, redeemed: 200, expired: 10, reversed: 5, adjustedDown: 0, entries: 9 }, partners: {} }

beforeEach(() => {
  setActivePinia(createPinia())
  locale.value = 'en'
  for (const fn of Object.values(api)) fn.mockReset()
})

const mountView = (view: typeof ReportsView) => mount(view, { global: { stubs: { ReportChart: { template: '<div class="chart-stub" />' }, RouterLink: true } } })

describe('ReportsView', () => {
  it('shows the summary and the months, each chart with its table, and no offers yet', async () => {
    api.fetchReportSummary.mockResolvedValue(summary)
    api.fetchReportMonths.mockResolvedValue([month])
    const wrapper = mountView(ReportsView)
    await flushPromises()
    expect(api.fetchReportMonths).toHaveBeenCalledWith(expect.stringMatching(/^\d{4}-(0[1-9]|1[0-2])$/))
    expect(wrapper.find('[data-testid=reports-members-total]').text()).toBe('12')
    expect(wrapper.findAll('[data-testid=reports-points-table] tbody tr')).toHaveLength(1)
    expect(wrapper.findAll('.chart-stub')).toHaveLength(3)
    expect(wrapper.text()).toContain('Recommend?')
    expect(wrapper.find('[data-testid=reports-offers-none]').text()).toContain('No offers yet')
  })

  it('shows each offer beside its control group, with the lift explained', async () => {
    const lift = { offerId: 'vip', from: '2026-11-01', exposed: { members: 90, buyers: 27, purchases: 40, spendShekels: 1800 }, control: { members: 10, buyers: 2, purchases: 2, spendShekels: 100 } }
    const row = {
      offerId: 'vip',
      title: { he: 'גישה מוקדמת', en: 'Early access' },
      kind: 'recognition',
      active: true,
      holdOutPercent: 10,
      from: '2026-11-01',
      targeted: 100,
      heldOut: 10,
      lift: { ...lift, exposedRate: 30, controlRate: 20, rateLiftPoints: 10, exposedSpendPerMember: 20, controlSpendPerMember: 10, complete: true },
    }
    api.fetchReportSummary.mockResolvedValue({ ...summary, offers: [row] })
    api.fetchReportMonths.mockResolvedValue([month])
    const wrapper = mountView(ReportsView)
    await flushPromises()
    const cells = wrapper.findAll('[data-testid=reports-offer] td').map((td) => td.text())
    expect(wrapper.find('[data-testid=reports-offer] th').text()).toContain('Early access')
    expect(cells.slice(1)).toEqual(['100', '10', '30%', '20%', '10 percentage points', '₪20', '₪10'])
    expect(wrapper.text()).toContain('Each offer holds out a random control group')
    expect(wrapper.find('[data-testid=reports-offers-none]').exists()).toBe(false)
  })

  it('says when no report was computed yet', async () => {
    api.fetchReportSummary.mockResolvedValue(null)
    api.fetchReportMonths.mockResolvedValue([])
    const wrapper = mountView(ReportsView)
    await flushPromises()
    expect(wrapper.text()).toContain('No report has been computed yet')
  })
})

describe('SettlementView', () => {
  it('shows the statement with its totals row', async () => {
    const statement = settlementOf(
      new Date().toISOString().slice(0, 7),
      { partners: { cafe: { purchases: 100, refunds: 0, visits: 0, eco: 0, redeemed: 40, clubFunded: 0, entries: 2 } } },
      [{ id: 'cafe', name: { he: 'קפה', en: 'Café' } }],
      { settlement: { pointValue: { agorot: 5, perPoints: 1 } } },
      new Date().toISOString(),
    )
    api.getSettlement.mockImplementation(async ({ month: m }: { month: string }) => ({ ...statement, month: m }))
    const wrapper = mountView(SettlementView)
    await flushPromises()
    expect(api.getSettlement).toHaveBeenCalledOnce()
    expect(wrapper.findAll('[data-testid=settlement-table] tbody tr')).toHaveLength(1)
    expect(wrapper.find('[data-testid=settlement-total-balance]').text()).toContain('Store pays the club')
  })
})
