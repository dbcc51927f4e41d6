// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { RedeemResult } from '@/domain/contracts/callable-results'
import { AppError } from '@/domain/shared/errors'
import { DEVICE_KEYS, INTENT_TTL_MS } from '@/services/device-storage'

const api = vi.hoisted(() => ({
  redeemReward: vi.fn(),
  watchCoupons: vi.fn((_uid: string, _onChange: (coupons: unknown[]) => void, _onError: () => void) => () => {}),
  watchSession: vi.fn(() => () => {}),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { useCouponsStore } = await import('@/stores/coupons')

const ISSUED: RedeemResult = { code: 'ABCD2345EFGH', rewardId: 'coffee', expiresAt: '2026-12-26T00:00:00.000Z', balance: 70, replayed: false }

/** A fresh app on the same device. */
function reload() {
  setActivePinia(createPinia())
  return useCouponsStore()
}

function requestIds(): string[] {
  return api.redeemReward.mock.calls.map(([input]) => (input as { requestId: string }).requestId)
}

beforeEach(() => {
  localStorage.clear()
  api.redeemReward.mockReset()
  vi.useRealTimers()
})

describe('redeeming a reward', () => {
  it('retries an unanswered redemption with the same request id, and gets the first coupon back', async () => {
    // The server committed, then the answer was lost: a second id would issue a second coupon.
    api.redeemReward.mockRejectedValueOnce(new AppError('internal', 'crash after commit')).mockResolvedValue({ ...ISSUED, replayed: true })
    const coupons = reload()

    await expect(coupons.redeem('coffee')).rejects.toMatchObject({ code: 'internal' })
    await expect(coupons.redeem('coffee')).resolves.toMatchObject({ code: 'ABCD2345EFGH', replayed: true })

    const [first, second] = requestIds()
    expect(first).toMatch(/^[\w-]{8,64}$/)
    expect(second).toBe(first)
    expect(api.redeemReward).toHaveBeenLastCalledWith({ rewardId: 'coffee', requestId: first })
  })

  it('keeps the request id through a reload, for a timeout as for a crash', async () => {
    api.redeemReward.mockRejectedValueOnce(new AppError('deadline-exceeded', 'slow')).mockResolvedValue(ISSUED)
    await expect(reload().redeem('coffee')).rejects.toMatchObject({ code: 'deadline-exceeded' })
    await reload().redeem('coffee')
    const [first, second] = requestIds()
    expect(second).toBe(first)
  })

  it('starts a new intent once the last one got its coupon', async () => {
    api.redeemReward.mockResolvedValue(ISSUED)
    const coupons = reload()
    await coupons.redeem('coffee')
    await coupons.redeem('coffee')
    const [first, second] = requestIds()
    expect(second).not.toBe(first)
  })

  it('starts a new intent after a refusal that trying again would not change', async () => {
    api.redeemReward.mockRejectedValue(new AppError('failed-precondition', 'poor', [], 'insufficient-points'))
    const coupons = reload()
    await expect(coupons.redeem('coffee')).rejects.toMatchObject({ reason: 'insufficient-points' })
    await expect(coupons.redeem('coffee')).rejects.toMatchObject({ reason: 'insufficient-points' })
    const [first, second] = requestIds()
    expect(second).not.toBe(first)
  })

  it('keeps one intent per reward', async () => {
    api.redeemReward.mockRejectedValue(new AppError('unavailable', 'offline'))
    const coupons = reload()
    await expect(coupons.redeem('coffee')).rejects.toBeInstanceOf(AppError)
    await expect(coupons.redeem('cake')).rejects.toBeInstanceOf(AppError)
    const [coffee, cake] = requestIds()
    expect(cake).not.toBe(coffee)
  })

  it('treats the same reward redeemed much later as a new redemption', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-26T10:00:00Z') })
    api.redeemReward.mockRejectedValueOnce(new AppError('internal', 'lost')).mockResolvedValue(ISSUED)
    const coupons = reload()
    await expect(coupons.redeem('coffee')).rejects.toMatchObject({ code: 'internal' })
    vi.setSystemTime(new Date(Date.now() + INTENT_TTL_MS))
    await coupons.redeem('coffee')
    const [first, second] = requestIds()
    expect(second).not.toBe(first)
  })
})

describe('the coupons listener', () => {
  it('runs only while a screen lists the coupons, once however many screens do', () => {
    localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify({ uid: 'uid-dana', email: 'dana@moadon.test', role: 'member', partnerId: null }))
    const stop = vi.fn()
    api.watchCoupons.mockReset().mockImplementation((_uid, onChange) => {
      onChange([{ code: 'ABCD2345EFGH', status: 'active' }])
      return stop
    })
    const coupons = reload()
    // The card and the rewards screen use the store without reading a coupon.
    expect(api.watchCoupons).not.toHaveBeenCalled()
    expect(coupons.loaded).toBe(false)

    const closeList = coupons.listen()
    const closeOther = coupons.listen()
    expect(api.watchCoupons).toHaveBeenCalledTimes(1)
    expect(api.watchCoupons.mock.calls[0]![0]).toBe('uid-dana')
    expect(coupons.coupons).toHaveLength(1)

    closeList()
    closeList()
    expect(stop).not.toHaveBeenCalled()
    closeOther()
    expect(stop).toHaveBeenCalledTimes(1)
    // Back on the screen: the list shows at once while a new listener catches up.
    expect(coupons.coupons).toHaveLength(1)
    coupons.listen()
    expect(api.watchCoupons).toHaveBeenCalledTimes(2)
  })
})
