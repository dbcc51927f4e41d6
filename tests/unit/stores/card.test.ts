// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { toBase64 } from '@/domain/shared/crypto'
import { AppError } from '@/domain/shared/errors'
import { DEVICE_KEYS, forgetAll } from '@/services/device-storage'

const api = vi.hoisted(() => ({ getCardKey: vi.fn(), rotateCardKey: vi.fn() }))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { useCardStore } = await import('@/stores/card')

const keyOf = (byte: number) => new Uint8Array(32).fill(byte)
const served = (byte: number, version: number) => ({ key: toBase64(keyOf(byte)), version })

function reload() {
  setActivePinia(createPinia())
  return useCardStore()
}

beforeEach(() => {
  localStorage.clear()
  api.getCardKey.mockReset()
  api.rotateCardKey.mockReset()
})

describe('the card key', () => {
  it('is fetched once and then signs from the device, with no call to the server', async () => {
    api.getCardKey.mockResolvedValue(served(1, 0))
    await reload().ensureKey('uid-1', 0)
    expect(JSON.parse(localStorage.getItem(DEVICE_KEYS.cardKey('uid-1'))!)).toEqual(served(1, 0))

    const card = reload()
    await card.ensureKey('uid-1', 0)
    expect(api.getCardKey).toHaveBeenCalledTimes(1)
    expect(card.key).toEqual(keyOf(1))
  })

  it('is fetched again when the member rotated it on another phone', async () => {
    localStorage.setItem(DEVICE_KEYS.cardKey('uid-1'), JSON.stringify(served(1, 0)))
    api.getCardKey.mockResolvedValue(served(2, 1))
    const card = reload()
    await card.ensureKey('uid-1', 1)
    expect(card.key).toEqual(keyOf(2))
  })

  it('keeps signing with the key it has when the newer one cannot be fetched offline', async () => {
    localStorage.setItem(DEVICE_KEYS.cardKey('uid-1'), JSON.stringify(served(1, 0)))
    api.getCardKey.mockRejectedValue(new AppError('unavailable', 'offline'))
    const card = reload()
    await card.ensureKey('uid-1', 1)
    expect(card.key).toEqual(keyOf(1))
    expect(card.keyMissing).toBe(false)
  })

  it('says the key is missing on a first use offline', async () => {
    api.getCardKey.mockRejectedValue(new AppError('unavailable', 'offline'))
    const card = reload()
    await card.ensureKey('uid-1', 0)
    expect(card.key).toBeNull()
    expect(card.keyMissing).toBe(true)
  })

  it('is replaced on this phone when the member renews it', async () => {
    localStorage.setItem(DEVICE_KEYS.cardKey('uid-1'), JSON.stringify(served(1, 0)))
    api.rotateCardKey.mockResolvedValue(served(3, 1))
    const card = reload()
    await card.renew('uid-1')
    expect(card.key).toEqual(keyOf(3))
    expect(JSON.parse(localStorage.getItem(DEVICE_KEYS.cardKey('uid-1'))!)).toEqual(served(3, 1))
  })

  it('is gone from the device and from memory after forgetting everything', async () => {
    api.getCardKey.mockResolvedValue(served(1, 0))
    const card = reload()
    await card.ensureKey('uid-1', 0)
    forgetAll()
    expect(card.key).toBeNull()
    expect(localStorage.getItem(DEVICE_KEYS.cardKey('uid-1'))).toBeNull()
  })

  it('is not kept when it arrives after a sign-out forgot everything', async () => {
    let answer: (value: ReturnType<typeof served>) => void = () => {}
    api.getCardKey.mockReturnValue(new Promise((resolve) => (answer = resolve)))
    const card = reload()
    const fetching = card.ensureKey('uid-1', 0)
    forgetAll()
    answer(served(1, 0))
    await fetching
    expect(card.key).toBeNull()
    expect(localStorage.getItem(DEVICE_KEYS.cardKey('uid-1'))).toBeNull()
  })
})
