// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CheckInResult } from '@/domain/contracts/callable-results'
import { createCounterCode } from '@/domain/partners/counter-code'
import { toBase64 } from '@/domain/shared/crypto'
import { AppError } from '@/domain/shared/errors'
import { createPosterCode } from '@/domain/partners/poster-code'
import { forgetAll } from '@/services/device-storage'

const api = vi.hoisted(() => ({ checkIn: vi.fn(), getCounterKey: vi.fn() }))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { useVisitsStore } = await import('@/stores/visits')

const KEY = new Uint8Array(32).fill(7)
const RECORDED: CheckInResult = {
  partnerId: 'cafe-shachar',
  points: 5,
  alreadyToday: false,
  visitsThisMonth: 1,
  streakGoal: 5,
  streakBonus: 0,
  balance: 55,
  replayed: false,
}

function reload() {
  setActivePinia(createPinia())
  return useVisitsStore()
}

function sent(): { code: string; requestId: string; location: unknown }[] {
  return api.checkIn.mock.calls.map(([input]) => input as { code: string; requestId: string; location: unknown })
}

function placePhoneAt(position: { lat: number; lng: number; accuracy: number } | 'denied') {
  const getCurrentPosition = vi.fn((ok: PositionCallback, fail: PositionErrorCallback) => {
    if (position === 'denied') fail({ code: 1, message: 'denied' } as GeolocationPositionError)
    else ok({ coords: { latitude: position.lat, longitude: position.lng, accuracy: position.accuracy } } as GeolocationPosition)
  })
  Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true })
  return getCurrentPosition
}

beforeEach(() => {
  localStorage.clear()
  api.checkIn.mockReset()
  api.getCounterKey.mockReset()
})

describe('a visit from the counter screen', () => {
  it('is sent at once, without asking for the position', async () => {
    const geolocation = placePhoneAt('denied')
    api.checkIn.mockResolvedValue(RECORDED)
    const code = await createCounterCode(KEY, 'cafe-shachar', Date.now())
    await expect(reload().visit(code)).resolves.toEqual(RECORDED)
    expect(geolocation).not.toHaveBeenCalled()
    expect(sent()[0]).toMatchObject({ code, location: null })
  })

  it('retried after a lost answer carries the same request id, even with a newer code and after a reload', async () => {
    api.checkIn.mockRejectedValueOnce(new AppError('internal', 'crash after commit')).mockResolvedValue({ ...RECORDED, replayed: true })
    await expect(reload().visit(await createCounterCode(KEY, 'cafe-shachar', Date.now()))).rejects.toMatchObject({ code: 'internal' })
    await expect(reload().visit(await createCounterCode(KEY, 'cafe-shachar', Date.now() + 30_000))).resolves.toMatchObject({ replayed: true })
    const [first, second] = sent()
    expect(first!.requestId).toMatch(/^[\w-]{8,64}$/)
    expect(second!.requestId).toBe(first!.requestId)
    expect(second!.code).not.toBe(first!.code)
  })

  it('starts a new intent once the last one was answered, recorded or refused', async () => {
    api.checkIn.mockResolvedValueOnce(RECORDED).mockRejectedValueOnce(new AppError('failed-precondition', 'old', [], 'visit-code-expired'))
    const visits = reload()
    await visits.visit(await createCounterCode(KEY, 'cafe-shachar', Date.now()))
    await expect(visits.visit(await createCounterCode(KEY, 'cafe-shachar', Date.now()))).rejects.toMatchObject({ reason: 'visit-code-expired' })
    api.checkIn.mockResolvedValue({ ...RECORDED, points: 0, alreadyToday: true })
    await visits.visit(await createCounterCode(KEY, 'cafe-shachar', Date.now()))
    const ids = sent().map((s) => s.requestId)
    expect(new Set(ids).size).toBe(3)
  })
})

describe('a visit from a poster', () => {
  it('sends the phone’s position with it', async () => {
    placePhoneAt({ lat: 32.0701, lng: 34.7735, accuracy: 12 })
    api.checkIn.mockResolvedValue({ ...RECORDED, partnerId: 'carmel-books' })
    const code = await createPosterCode(KEY, 'carmel-books', 1)
    await reload().visit(code)
    expect(sent()[0]).toMatchObject({ code, location: { lat: 32.0701, lng: 34.7735, accuracy: 12 } })
  })

  it('without the position is refused on the phone, in words, and sends nothing', async () => {
    placePhoneAt('denied')
    await expect(reload().visit(await createPosterCode(KEY, 'carmel-books', 1))).rejects.toMatchObject({ reason: 'location-denied' })
    expect(api.checkIn).not.toHaveBeenCalled()
  })
})

it('refuses text that is no club code without calling the server', async () => {
  await expect(reload().visit('https://example.com/?c=hello')).rejects.toMatchObject({ reason: 'poster-forged' })
  expect(api.checkIn).not.toHaveBeenCalled()
})

describe('the counter key', () => {
  it('is kept on the device (offline too), replaced by a rotated one when online, and sign-out forgets it', async () => {
    api.getCounterKey.mockResolvedValue({ partnerId: 'cafe-shachar', key: toBase64(KEY), stepSeconds: 30 })
    const first = reload()
    await first.ensureCounterKey('cafe-shachar')
    expect(first.counterKey).toEqual(KEY)

    api.getCounterKey.mockRejectedValue(new AppError('unavailable', 'offline'))
    const offline = reload()
    await offline.ensureCounterKey('cafe-shachar')
    expect(offline.counterKey).toEqual(KEY)

    // The operator rotated the key (a stolen counter device): the screen takes the new one.
    const rotated = new Uint8Array(32).fill(7)
    api.getCounterKey.mockResolvedValue({ partnerId: 'cafe-shachar', key: toBase64(rotated), stepSeconds: 30 })
    const online = reload()
    await online.ensureCounterKey('cafe-shachar')
    expect(online.counterKey).toEqual(KEY)
    await vi.waitFor(() => expect(online.counterKey).toEqual(rotated))

    api.getCounterKey.mockRejectedValue(new AppError('unavailable', 'offline'))
    forgetAll()
    expect(online.counterKey).toBeNull()
    await expect(reload().ensureCounterKey('cafe-shachar')).rejects.toMatchObject({ code: 'unavailable' })
  })
})
