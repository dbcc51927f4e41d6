// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ClaimClueResult } from '@/domain/earn/hunts'
import { AppError } from '@/domain/shared/errors'

const api = vi.hoisted(() => ({
  claimClue: vi.fn(),
  getHuntCode: vi.fn(),
  watchHunts: vi.fn(() => () => {}),
  watchHuntProgress: vi.fn(() => () => {}),
  watchHuntFinishers: vi.fn(() => () => {}),
  watchSession: vi.fn(() => () => {}),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { useHuntsStore } = await import('@/stores/hunts')

const RIGHT: ClaimClueResult = {
  huntId: 'demo',
  clueIndex: 0,
  correct: true,
  points: 25,
  finishBonus: 0,
  finished: false,
  solved: 1,
  triesLeft: 5,
  balance: 75,
  replayed: false,
  alreadySolved: false,
}

function reload() {
  setActivePinia(createPinia())
  return useHuntsStore()
}

const requestIds = () => api.claimClue.mock.calls.map(([input]) => (input as { requestId: string }).requestId)

beforeEach(() => {
  localStorage.clear()
  api.claimClue.mockReset()
})

describe('answering a clue', () => {
  it('retries an unanswered answer with the same request id, however it is spelled, through a reload', async () => {
    api.claimClue.mockRejectedValueOnce(new AppError('internal', 'lost')).mockResolvedValue({ ...RIGHT, replayed: true })
    await expect(reload().answer('demo', 0, 'Café Shachar')).rejects.toMatchObject({ code: 'internal' })
    await expect(reload().answer('demo', 0, 'cafe shachar!')).resolves.toMatchObject({ replayed: true })
    const [first, second] = requestIds()
    expect(first).toMatch(/^[\w-]{8,64}$/)
    expect(second).toBe(first)
  })

  it('gives another answer, or the same one after a definite answer, a new request id', async () => {
    api.claimClue.mockResolvedValue({ ...RIGHT, correct: false, points: 0, triesLeft: 4 })
    const hunts = reload()
    await hunts.answer('demo', 0, 'one')
    await hunts.answer('demo', 0, 'two')
    await hunts.answer('demo', 0, 'one')
    const [a, b, c] = requestIds()
    expect(new Set([a, b, c]).size).toBe(3)
  })

  it('forgets the request id once the server refused', async () => {
    api.claimClue.mockRejectedValueOnce(new AppError('resource-exhausted', 'too many', [], 'hunt-too-many-tries')).mockResolvedValue(RIGHT)
    const hunts = reload()
    await expect(hunts.answer('demo', 0, 'x')).rejects.toMatchObject({ reason: 'hunt-too-many-tries' })
    await hunts.answer('demo', 0, 'x')
    const [first, second] = requestIds()
    expect(second).not.toBe(first)
  })
})
