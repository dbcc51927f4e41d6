// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { EarnedBadge } from '@/domain/earn/badges'
import type { Member } from '@/domain/members/member'
import { AppError } from '@/domain/shared/errors'
import { DEVICE_KEYS } from '@/services/device-storage'
import { demoConfig } from '../../../scripts/demo-club'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(),
  watchMember: vi.fn(),
  watchClubConfig: vi.fn(),
  watchBadges: vi.fn(),
  claimAction: vi.fn(),
  claimProfileReward: vi.fn(),
  updateProfile: vi.fn(),
  joinClub: vi.fn(),
  clearCachedData: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { useEarnStore } = await import('@/stores/earn')

const DANA = { uid: 'uid-dana', email: 'dana@moadon.test', role: 'member' as const, partnerId: null }
const today = new Intl.DateTimeFormat('en-CA', { timeZone: demoConfig.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
const usage = (monthCount: number) => ({ day: today, dayCount: monthCount, month: today.slice(0, 7), monthCount, total: monthCount })

let member: Member
let pushMember: (m: Member) => void = () => {}
let pushBadges: (badges: EarnedBadge[]) => void = () => {}

beforeEach(() => {
  localStorage.clear()
  for (const fn of Object.values(api)) fn.mockReset()
  member = {
    uid: DANA.uid,
    name: 'Dana Levi',
    birthday: null,
    interests: ['coffee'],
    preferences: {},
    balance: 100,
    earnUsage: { 'share-referral': usage(1) },
  } as unknown as Member
  api.watchSession.mockImplementation((callback: (user: unknown) => void) => {
    callback(DANA)
    return () => {}
  })
  api.watchMember.mockImplementation((_uid: string, onChange: (m: Member, fromServer: boolean) => void) => {
    pushMember = (m) => onChange(m, true)
    onChange(member, true)
    return () => {}
  })
  api.watchClubConfig.mockImplementation((onChange: (config: unknown) => void) => {
    onChange(demoConfig)
    return () => {}
  })
  api.watchBadges.mockImplementation((_uid: string, onChange: (badges: EarnedBadge[]) => void) => {
    pushBadges = onChange
    onChange([{ id: 'first-purchase', earnedAt: new Date('2026-01-01') }])
    return () => {}
  })
  localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify(DANA))
  setActivePinia(createPinia())
})

describe('the Earn hub store', () => {
  it('lists every earning rule of the club, nearest to done first, from the usage on the member document', () => {
    const earn = useEarnStore()
    const ids = earn.items.map((item) => item.id)
    expect(ids.sort()).toEqual(demoConfig.earning.activities.map((rule) => rule.id).sort())
    // A third of the profile (the name) and one share of three: equally near, in the club's order.
    expect(earn.items.slice(0, 2)).toMatchObject([
      { id: 'profile-complete', status: 'in-progress', progress: { done: 1, goal: 3 } },
      { id: 'share-referral', status: 'in-progress', progress: { done: 1, goal: 3 } },
    ])
  })

  it('lists each way to earn once: review and survey rules of an older configuration are left to their sections', () => {
    const stale = { id: 'review', label: { he: 'חוות דעת', en: 'A review' }, points: 20, perDay: 1, perMonth: 5, once: false }
    api.watchClubConfig.mockImplementation((onChange: (config: unknown) => void) => {
      onChange({ ...demoConfig, earning: { ...demoConfig.earning, activities: [...demoConfig.earning.activities, stale, { ...stale, id: 'survey' }] } })
      return () => {}
    })
    const ids = useEarnStore().items.map((item) => item.id)
    expect(ids).not.toContain('review')
    expect(ids).not.toContain('survey')
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.sort()).toEqual(demoConfig.earning.activities.map((rule) => rule.id).sort())
  })

  it('puts the share first once it is nearer to done than the profile', async () => {
    const earn = useEarnStore()
    pushMember({ ...member, earnUsage: { 'share-referral': usage(2) } })
    await nextTick()
    expect(earn.items[0]).toMatchObject({ id: 'share-referral', progress: { done: 2, goal: 3 } })
    expect(earn.items.at(-1)?.status).not.toBe('in-progress')
  })

  it('marks an item done when the server copies the new usage onto the member document', async () => {
    const earn = useEarnStore()
    pushMember({ ...member, earnUsage: { 'share-referral': usage(3), 'follow-social': usage(1) } })
    await nextTick()
    expect(earn.items.find((item) => item.id === 'share-referral')).toMatchObject({ status: 'done', resets: 'month' })
    expect(earn.items.find((item) => item.id === 'follow-social')).toMatchObject({ status: 'done' })
    expect(earn.items.slice(-2).map((item) => item.status)).toEqual(['done', 'done'])
  })

  it('announces badges that arrive while it watches, not those it found', async () => {
    const earn = useEarnStore()
    expect(earn.newBadges).toEqual([])
    pushBadges([
      { id: 'first-purchase', earnedAt: new Date('2026-01-01') },
      { id: 'profile-complete', earnedAt: new Date() },
    ])
    await nextTick()
    expect(earn.newBadges).toEqual(['profile-complete'])
    expect(earn.shelf[0]).toMatchObject({ id: 'profile-complete' })
    earn.acknowledge()
    expect(earn.newBadges).toEqual([])
  })

  it('shows the points a claim paid, and nothing for a replay', async () => {
    const earn = useEarnStore()
    api.claimProfileReward.mockResolvedValueOnce({ points: 40, balance: 140, replayed: false })
    await earn.claimProfile()
    expect(earn.lastAward).toEqual({ ruleId: 'profile-complete', points: 40 })
    earn.acknowledge()
    api.claimProfileReward.mockResolvedValueOnce({ points: 40, balance: 140, replayed: true })
    await earn.claimProfile()
    expect(earn.lastAward).toBeNull()
  })

  it('keeps one request id for a share across a lost answer, and a new one after the answer', async () => {
    const earn = useEarnStore()
    api.claimAction.mockRejectedValueOnce(new AppError('unavailable', 'offline'))
    await expect(earn.claim('share-referral')).rejects.toThrow()
    api.claimAction.mockResolvedValueOnce({ points: 10, balance: 110, replayed: false })
    await earn.claim('share-referral')
    api.claimAction.mockResolvedValueOnce({ points: 10, balance: 120, replayed: false })
    await earn.claim('share-referral')
    const ids = api.claimAction.mock.calls.map(([input]) => (input as { requestId: string }).requestId)
    expect(ids[0]).toBe(ids[1])
    expect(ids[2]).not.toBe(ids[1])
    expect(api.claimAction.mock.calls[0]![0]).toMatchObject({ actionId: 'share-referral' })
  })

  it('forgets the request id after a refusal, which is an answer', async () => {
    const earn = useEarnStore()
    api.claimAction.mockRejectedValueOnce(new AppError('resource-exhausted', 'cap', [], 'cap-per-month'))
    await expect(earn.claim('share-referral')).rejects.toMatchObject({ reason: 'cap-per-month' })
    api.claimAction.mockResolvedValueOnce({ points: 10, balance: 110, replayed: false })
    await earn.claim('share-referral')
    const ids = api.claimAction.mock.calls.map(([input]) => (input as { requestId: string }).requestId)
    expect(ids[0]).not.toBe(ids[1])
  })
})
