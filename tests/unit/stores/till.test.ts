// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PurchaseResult } from '@/domain/contracts/callable-results'
import { AppError } from '@/domain/shared/errors'
import { DEVICE_KEYS } from '@/services/device-storage'

const api = vi.hoisted(() => ({
  recordPurchase: vi.fn(),
  lookupMember: vi.fn(),
  acceptCoupon: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { RETRY_DELAYS_MS, useTillStore } = await import('@/stores/till')

const TOKEN = 'V1.10000008.58000000.ABCDEFGHIJ'
const RECORDED: PurchaseResult = { status: 'recorded', points: 30, displayName: 'Dana K.', tierId: 'gold', replayed: false }

let online = true

let current: ReturnType<typeof useTillStore> | null = null

/** A fresh app on the same device: new stores, same localStorage (the old page is gone). */
function reload() {
  current?.$dispose()
  setActivePinia(createPinia())
  current = useTillStore()
  return current
}

function setOnline(next: boolean) {
  online = next
  window.dispatchEvent(new Event(next ? 'online' : 'offline'))
}

beforeEach(() => {
  vi.useFakeTimers()
  localStorage.clear()
  online = true
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online)
  for (const fn of Object.values(api)) fn.mockReset()
})

afterEach(() => {
  current?.$dispose()
  current = null
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('the till, a scanned card', () => {
  it('reads the member number from the card and sends the token once, with the purchase', async () => {
    api.recordPurchase.mockResolvedValue(RECORDED)
    const till = reload()

    expect(till.scan(TOKEN)).toBe(true)
    expect(till.customer?.memberNo).toBe('10000008')
    const outcome = await till.record(42.5, 'R-1')

    expect(outcome).toEqual({ kind: 'recorded', result: RECORDED })
    expect(api.lookupMember).not.toHaveBeenCalled()
    expect(api.recordPurchase).toHaveBeenCalledTimes(1)
    expect(api.recordPurchase).toHaveBeenCalledWith({ token: TOKEN, amount: 42.5, receiptId: 'R-1', tillId: till.tillId() })
    expect(till.customer).toBeNull()
  })

  it('refuses to start a purchase from something that is not a card code', () => {
    const till = reload()
    expect(till.scan('https://example.com/not-a-card')).toBe(false)
    expect(till.customer).toBeNull()
  })

  it('throws a refusal and keeps the customer, so staff can correct the amount', async () => {
    api.recordPurchase.mockRejectedValue(new AppError('resource-exhausted', 'cap', [], 'receipt-too-large'))
    const till = reload()
    till.scan(TOKEN)

    await expect(till.record(9000, 'R-2')).rejects.toMatchObject({ code: 'resource-exhausted' })
    expect(till.customer?.memberNo).toBe('10000008')
    expect(till.queue).toEqual([])
  })
})

describe('the till offline', () => {
  it('queues the purchase with its scan time without calling the server, and sends it once the connection is back', async () => {
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'))
    const till = reload()
    till.scan(TOKEN)
    setOnline(false)
    vi.setSystemTime(new Date('2026-11-26T10:00:20Z'))

    expect(await till.record(15, 'OFF-1')).toEqual({ kind: 'queued', waitingFor: 'connection' })
    expect(api.recordPurchase).not.toHaveBeenCalled()
    expect(till.pending).toHaveLength(1)
    expect(till.pending[0]?.waitingFor).toBe('connection')

    api.recordPurchase.mockResolvedValue(RECORDED)
    setOnline(true)
    await vi.waitFor(() => expect(till.queue).toEqual([]))
    expect(api.recordPurchase).toHaveBeenCalledTimes(1)
    expect(api.recordPurchase).toHaveBeenCalledWith({
      token: TOKEN,
      amount: 15,
      receiptId: 'OFF-1',
      tillId: till.tillId(),
      scannedAt: '2026-11-26T10:00:00.000Z',
    })
    expect(localStorage.getItem(DEVICE_KEYS.tillQueue)).toBeNull()
  })

  it('keeps the queue on the device through a reload, and the reloaded till sends it', async () => {
    const first = reload()
    first.scan(TOKEN)
    setOnline(false)
    await first.record(15, 'OFF-2')
    const tillId = first.tillId()

    api.recordPurchase.mockResolvedValue(RECORDED)
    setOnline(true)
    // Nothing had a chance to send it before the "reload": a new app picks it up from storage.
    const second = reload()
    expect(second.pending.map((e) => e.receiptId)).toEqual(['OFF-2'])
    expect(second.tillId()).toBe(tillId)
    await second.flush()

    expect(api.recordPurchase).toHaveBeenCalledWith(expect.objectContaining({ receiptId: 'OFF-2', token: TOKEN, tillId }))
    expect(second.queue).toEqual([])
  })
})

describe('the till queue retries by itself', () => {
  it('backs off after server failures, sending the same receipt every time, until it gets an answer', async () => {
    api.recordPurchase
      .mockRejectedValueOnce(new AppError('internal', 'crash'))
      .mockRejectedValueOnce(new AppError('deadline-exceeded', 'slow'))
      .mockRejectedValueOnce(new AppError('internal', 'crash'))
      .mockResolvedValue({ ...RECORDED, replayed: true })
    const till = reload()
    till.scan(TOKEN)

    expect(await till.record(30, 'R-RETRY')).toEqual({ kind: 'queued', waitingFor: 'server' })
    expect(till.pending[0]?.waitingFor).toBe('server')
    expect(api.recordPurchase).toHaveBeenCalledTimes(1)

    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0] - 1)
    expect(api.recordPurchase).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.recordPurchase).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[1] - 1)
    expect(api.recordPurchase).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.recordPurchase).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[2])
    expect(api.recordPurchase).toHaveBeenCalledTimes(4)
    expect(till.queue).toEqual([])

    const receipts = api.recordPurchase.mock.calls.map(([input]) => [input.receiptId, input.token, input.amount])
    expect(receipts).toEqual(Array(4).fill(['R-RETRY', TOKEN, 30]))

    // Settled: nothing more is sent, however long the till stays open.
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(api.recordPurchase).toHaveBeenCalledTimes(4)
  })

  it('tries again at once when the screen comes back, not at the end of the backoff', async () => {
    api.recordPurchase.mockRejectedValueOnce(new AppError('unavailable', 'down')).mockResolvedValue(RECORDED)
    const till = reload()
    till.scan(TOKEN)
    await till.record(30, 'R-VISIBLE')
    expect(till.pending[0]?.waitingFor).toBe('connection')

    document.dispatchEvent(new Event('visibilitychange'))
    await vi.waitFor(() => expect(till.queue).toEqual([]))
    expect(api.recordPurchase).toHaveBeenCalledTimes(2)
  })

  it('keeps a definitive refusal as failed, with its reason, and stops trying it', async () => {
    const till = reload()
    till.scan(TOKEN)
    setOnline(false)
    await till.record(30, 'R-OLD')

    api.recordPurchase.mockRejectedValue(new AppError('failed-precondition', 'too old', [], 'scan-too-old'))
    setOnline(true)
    await vi.waitFor(() => expect(till.failed).toHaveLength(1))
    expect(till.failed[0]).toMatchObject({ receiptId: 'R-OLD', status: 'failed', reason: 'scan-too-old' })

    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(api.recordPurchase).toHaveBeenCalledTimes(1)
    // The refusal survives a reload until staff dismiss it.
    const reloaded = reload()
    expect(reloaded.failed.map((e) => e.reason)).toEqual(['scan-too-old'])
    reloaded.dismiss(reloaded.failed[0]!.id)
    expect(localStorage.getItem(DEVICE_KEYS.tillQueue)).toBeNull()
  })

  it('sends the oldest first and stops at a failure that is not an answer, keeping the order', async () => {
    const till = reload()
    setOnline(false)
    till.scan(TOKEN)
    await till.record(10, 'Q-1')
    till.scan(TOKEN.replace('ABCDEFGHIJ', 'ABCDEFGHIK'))
    await till.record(20, 'Q-2')

    api.recordPurchase.mockRejectedValueOnce(new AppError('internal', 'crash')).mockResolvedValue(RECORDED)
    online = true
    await till.flush()
    expect(api.recordPurchase).toHaveBeenCalledTimes(1)
    expect(till.pending.map((e) => e.receiptId)).toEqual(['Q-1', 'Q-2'])

    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0])
    expect(api.recordPurchase.mock.calls.map(([input]) => input.receiptId)).toEqual(['Q-1', 'Q-1', 'Q-2'])
    expect(till.queue).toEqual([])
  })
})

describe('the till, a typed member number', () => {
  it('needs the server to confirm who it is, and sends the reason with the purchase', async () => {
    api.lookupMember.mockResolvedValue({ memberNo: '10000008', displayName: 'Dana K.', tierId: 'gold' })
    api.recordPurchase.mockResolvedValue(RECORDED)
    const till = reload()

    await till.lookup('10000008', 'phone-battery')
    expect(api.lookupMember).toHaveBeenCalledWith({ memberNo: '10000008', tillId: till.tillId() })
    expect(till.customer).toMatchObject({ memberNo: '10000008', displayName: 'Dana K.', tierId: 'gold', typedReason: 'phone-battery' })

    await till.record(20, 'T-1')
    expect(api.recordPurchase).toHaveBeenCalledWith({
      memberNo: '10000008',
      typedReason: 'phone-battery',
      amount: 20,
      receiptId: 'T-1',
      tillId: till.tillId(),
    })
  })

  it('passes on the lookup limit, with no customer chosen', async () => {
    api.lookupMember.mockRejectedValue(new AppError('resource-exhausted', 'slow down', [], 'lookup-rate'))
    const till = reload()
    await expect(till.lookup('10000008', 'qr-unreadable')).rejects.toMatchObject({ code: 'resource-exhausted' })
    expect(till.customer).toBeNull()
  })
})

describe('the till id', () => {
  it('is made once per device and kept', () => {
    const id = reload().tillId()
    expect(id).toMatch(/^[\w-]{8,64}$/)
    expect(reload().tillId()).toBe(id)
    expect(localStorage.getItem(DEVICE_KEYS.tillId)).toBe(JSON.stringify(id))
  })
})

describe('accepting a coupon at the till', () => {
  it('keeps one request id per coupon across a retry after a lost answer', async () => {
    const accepted = { code: 'ABCD2345EFGH', rewardId: 'coffee', name: { he: 'קפה', en: 'Coffee' }, kind: 'item', valueShekels: null, memberNo: '10000008', replayed: true }
    api.acceptCoupon.mockRejectedValueOnce(new AppError('internal', 'crash after commit')).mockResolvedValue(accepted)
    const till = reload()

    await expect(till.redeemCoupon('ABCD2345EFGH')).rejects.toMatchObject({ code: 'internal' })
    // The staff member taps again, even after reloading the page.
    await expect(reload().redeemCoupon('ABCD2345EFGH')).resolves.toEqual(accepted)

    const [first, second] = api.acceptCoupon.mock.calls.map(([input]) => input)
    expect(first.requestId).toMatch(/^[\w-]{8,64}$/)
    expect(second).toEqual(first)
    expect(first).toMatchObject({ code: 'ABCD2345EFGH', tillId: till.tillId() })

    // Settled: the next acceptance of a coupon is a new intent.
    await reload().redeemCoupon('ABCD2345EFGH')
    expect(api.acceptCoupon.mock.calls[2]![0].requestId).not.toBe(first.requestId)
  })

  it('forgets the request id after a definitive refusal', async () => {
    api.acceptCoupon.mockRejectedValue(new AppError('failed-precondition', 'used', [], 'coupon-used'))
    const till = reload()
    await expect(till.redeemCoupon('ABCD2345EFGH')).rejects.toMatchObject({ reason: 'coupon-used' })
    await expect(till.redeemCoupon('ABCD2345EFGH')).rejects.toMatchObject({ reason: 'coupon-used' })
    const [first, second] = api.acceptCoupon.mock.calls.map(([input]) => input.requestId)
    expect(second).not.toBe(first)
  })
})
