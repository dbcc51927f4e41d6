// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { DonateResult, DonationReceipt, DonationTotals } from '@/domain/earn/charities'
import { AppError } from '@/domain/shared/errors'
import { DEVICE_KEYS } from '@/services/device-storage'
import { demoCharities } from '../../../scripts/demo-club'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(),
  clearCachedData: vi.fn(),
  watchCharities: vi.fn(),
  watchCharityTotals: vi.fn(),
  watchDonations: vi.fn(),
  donatePoints: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { useImpactStore } = await import('@/stores/impact')

const DANA = { uid: 'uid-dana', email: 'dana@moadon.test', role: 'member' as const, partnerId: null }
const receipt = (points: number, valueShekels: number): DonationReceipt => ({
  id: `r${points}`,
  receiptNo: 'D-20261127-ABCDEFGH',
  charityId: 'green-corner',
  charityName: { he: 'פינה ירוקה', en: 'Green Corner' },
  points,
  valueShekels,
  matchedPoints: 0,
  matchedShekels: 0,
  matchPartnerId: null,
  campaignId: null,
  createdAt: '2026-11-27T08:00:00.000Z',
})
const RESULT: DonateResult = { receipt: receipt(100, 10), balance: 50, replayed: false }

beforeEach(() => {
  localStorage.clear()
  for (const fn of Object.values(api)) fn.mockReset()
  api.watchSession.mockImplementation((callback: (user: unknown) => void) => {
    callback(DANA)
    return () => {}
  })
  api.watchCharities.mockImplementation((onChange: (c: unknown) => void) => {
    onChange(demoCharities())
    return () => {}
  })
  api.watchCharityTotals.mockImplementation((id: string, onChange: (t: DonationTotals) => void) => {
    onChange({ donations: id.length, points: 10 * id.length, valueShekels: id.length, matchedPoints: 0, matchedShekels: 0 })
    return () => {}
  })
  api.watchDonations.mockImplementation((_uid: string, onChange: (r: DonationReceipt[]) => void) => {
    onChange([receipt(100, 10), receipt(3, 0.3), receipt(7, 0.7)])
    return () => {}
  })
  localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify(DANA))
  setActivePinia(createPinia())
})

describe('the impact store', () => {
  it('follows every charity’s totals and adds up the member’s own receipts exactly', () => {
    const impact = useImpactStore()
    expect(impact.charities.map((c) => c.id)).toEqual(['neighbors-table', 'green-corner', 'square-library'])
    expect(Object.keys(impact.totals).sort()).toEqual(['green-corner', 'neighbors-table', 'square-library'])
    expect(impact.mine).toEqual({ donations: 3, points: 110, valueShekels: 11, matchedPoints: 0, matchedShekels: 0 })
  })

  it('retries an unanswered donation with the same request id, and a new amount gets a new one', async () => {
    api.donatePoints.mockRejectedValueOnce(new AppError('internal', 'lost answer')).mockResolvedValue({ ...RESULT, replayed: true })
    const impact = useImpactStore()
    await expect(impact.donate('green-corner', 100)).rejects.toMatchObject({ code: 'internal' })
    await expect(impact.donate('green-corner', 100)).resolves.toMatchObject({ replayed: true })
    await impact.donate('green-corner', 200)
    const ids = api.donatePoints.mock.calls.map(([input]) => (input as { requestId: string }).requestId)
    expect(ids[0]).toMatch(/^[\w-]{8,64}$/)
    expect(ids[1]).toBe(ids[0])
    expect(ids[2]).not.toBe(ids[0])
  })

  it('forgets the request id once the server refused, so the next try is a new donation', async () => {
    api.donatePoints.mockRejectedValueOnce(new AppError('failed-precondition', 'short', [], 'insufficient-points')).mockResolvedValue(RESULT)
    const impact = useImpactStore()
    await expect(impact.donate('green-corner', 100)).rejects.toMatchObject({ reason: 'insufficient-points' })
    await impact.donate('green-corner', 100)
    const [first, second] = api.donatePoints.mock.calls.map(([input]) => (input as { requestId: string }).requestId)
    expect(second).not.toBe(first)
  })
})
