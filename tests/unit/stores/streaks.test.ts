// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Member } from '@/domain/members/member'
import { weekOf } from '@/domain/earn/streaks'
import { addDays } from '@/domain/shared/calendar'
import { AppError } from '@/domain/shared/errors'
import { DEVICE_KEYS } from '@/services/device-storage'
import { demoConfig } from '../../../scripts/demo-club'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(),
  watchMember: vi.fn(),
  watchClubConfig: vi.fn(),
  declareReserveDuty: vi.fn(),
  clearCachedData: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { useStreaksStore } = await import('@/stores/streaks')

const DANA = { uid: 'uid-dana', email: 'dana@moadon.test', role: 'member' as const, partnerId: null }
const today = new Intl.DateTimeFormat('en-CA', { timeZone: demoConfig.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
const thisWeek = weekOf(today)
const run = (count: number, last: string, freezes: number) => ({ count, best: count, last, start: addDays(last, -7 * (count - 1)), freezes, sinceFreeze: count % 4 })
let member: Member

beforeEach(() => {
  localStorage.clear()
  for (const fn of Object.values(api)) fn.mockReset()
  member = { uid: DANA.uid, name: 'Dana Levi', streak: { weekly: run(5, thisWeek, 1) } } as unknown as Member
  api.watchSession.mockImplementation((callback: (user: unknown) => void) => {
    callback(DANA)
    return () => {}
  })
  api.watchMember.mockImplementation((_uid: string, onChange: (m: Member, fromServer: boolean) => void) => {
    onChange(member, true)
    return () => {}
  })
  api.watchClubConfig.mockImplementation((onChange: (config: unknown) => void) => {
    onChange(demoConfig)
    return () => {}
  })
  localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify(DANA))
  setActivePinia(createPinia())
})

describe('the streaks store', () => {
  it('says how the weekly streak stands today, with the next milestone', () => {
    const streaks = useStreaksStore()
    expect(streaks.weekly).toMatchObject({ current: 5, counted: true, freezes: 1, periodEnds: addDays(thisWeek, 6) })
    expect(streaks.nextMilestone).toEqual({ weeks: 8, points: 100 })
    expect(streaks.daily).toBeNull()
  })

  it('spends a freeze on a missed week on the screen as the server will at the next visit', () => {
    member = { ...member, streak: { weekly: run(5, addDays(thisWeek, -14), 1) } } as unknown as Member
    expect(useStreaksStore().weekly).toMatchObject({ current: 5, counted: false, freezes: 0 })
  })

  it('keeps one request id for a declaration until the server answers, and a new one after', async () => {
    api.declareReserveDuty.mockRejectedValueOnce(new AppError('unavailable', 'offline'))
    api.declareReserveDuty.mockResolvedValue({ id: 'duty~1', from: today, until: today, replayed: false })
    const streaks = useStreaksStore()
    await expect(streaks.declare(today, addDays(today, 3))).rejects.toThrow()
    await streaks.declare(today, addDays(today, 3))
    await streaks.declare(today, addDays(today, 3))
    const ids = api.declareReserveDuty.mock.calls.map(([input]) => (input as { requestId: string }).requestId)
    expect(ids[0]).toBe(ids[1])
    expect(ids[2]).not.toBe(ids[1])
  })
})
