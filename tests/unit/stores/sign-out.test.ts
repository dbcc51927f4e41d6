// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { toBase64 } from '@/domain/shared/crypto'
import type { Member } from '@/domain/members/member'
import { DEVICE_KEYS } from '@/services/device-storage'

type SessionCallback = (user: { uid: string; email: string; role: 'member' | 'staff'; partnerId: string | null } | null) => void

const api = vi.hoisted(() => ({
  calls: [] as string[],
  session: null as null | ((user: unknown) => void),
  watchSession: vi.fn(),
  watchMember: vi.fn(),
  watchCoupons: vi.fn(),
  watchClubConfig: vi.fn(() => () => {}),
  fetchLedgerPage: vi.fn(),
  getCardKey: vi.fn(),
  rotateCardKey: vi.fn(),
  signIn: vi.fn(),
  signUp: vi.fn(),
  signOut: vi.fn(),
  clearCachedData: vi.fn(),
  recordPurchase: vi.fn(),
  lookupMember: vi.fn(),
  acceptCoupon: vi.fn(),
  redeemReward: vi.fn(),
  joinClub: vi.fn(),
  updateProfile: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { useSessionStore } = await import('@/stores/session')
const { useMemberStore } = await import('@/stores/member')
const { useCouponsStore } = await import('@/stores/coupons')
const { useCardStore } = await import('@/stores/card')
const { useHistoryStore } = await import('@/stores/history')
const { useTillStore } = await import('@/stores/till')

const DANA = { uid: 'uid-dana', email: 'dana@moadon.test', role: 'member' as const, partnerId: null }
const member = { uid: 'uid-dana', memberNo: '10000008', name: 'Dana Levi', balance: 1200, pendingPoints: 0, cardKeyVersion: 0 } as Member
const entry = { id: 'e1', points: 30, createdAt: new Date() }

/** What a signed-in member's phone (which is also a till, for the test) holds. */
function deviceInUse() {
  localStorage.setItem('moadon.locale', 'he')
  localStorage.setItem('moadon.install.dismissedAt', '1')
  localStorage.setItem('moadon.referral', JSON.stringify({ code: 'ABCDEF', from: 'Yossi' }))
  localStorage.setItem(DEVICE_KEYS.cache('session'), JSON.stringify(DANA))
  localStorage.setItem(DEVICE_KEYS.cache('member'), JSON.stringify({ member, syncedAt: new Date() }))
  localStorage.setItem(DEVICE_KEYS.cache('club'), JSON.stringify({ name: { he: 'מועדון', en: 'Club' } }))
  localStorage.setItem(DEVICE_KEYS.cardKey(DANA.uid), JSON.stringify({ key: toBase64(new Uint8Array(32).fill(7)), version: 0 }))
  localStorage.setItem(DEVICE_KEYS.tillId, JSON.stringify('till-1234567890'))
  localStorage.setItem(DEVICE_KEYS.tillQueue, JSON.stringify([{ id: 'q1', memberNo: '10000008', amount: 15, receiptId: 'R-1', scannedAt: new Date().toISOString(), status: 'failed', reason: 'scan-too-old' }]))
  localStorage.setItem(DEVICE_KEYS.intents('redeem'), JSON.stringify({ coffee: { id: 'req-12345678', at: Date.now() } }))
}

beforeEach(() => {
  localStorage.clear()
  api.calls = []
  for (const fn of Object.values(api)) if (typeof fn === 'function' && 'mockReset' in fn) fn.mockReset()
  api.watchSession.mockImplementation((callback: SessionCallback) => {
    api.session = callback as (user: unknown) => void
    return () => {}
  })
  api.watchMember.mockImplementation((_uid: string, onChange: (m: Member | null, fromServer: boolean) => void) => {
    onChange(member, true)
    return () => {}
  })
  api.watchCoupons.mockImplementation((_uid: string, onChange: (coupons: unknown[]) => void) => {
    onChange([{ code: 'ABCD2345EFGH', status: 'active', expiresAt: new Date(Date.now() + 86_400_000) }])
    return () => {}
  })
  api.watchClubConfig.mockImplementation(() => () => {})
  api.fetchLedgerPage.mockResolvedValue({ entries: [entry], next: null })
  api.signOut.mockImplementation(async () => void api.calls.push('signOut'))
  api.clearCachedData.mockImplementation(async () => void api.calls.push('clearCachedData'))
  setActivePinia(createPinia())
})

describe('signing out', () => {
  it('counts the purchases the till has not sent, so the header can warn before they are lost', () => {
    deviceInUse()
    const session = useSessionStore()
    // The queued purchase that failed for good is not "unsent": it is shown with its reason.
    expect(session.unsentTillPurchases()).toBe(0)
    const queue = JSON.parse(localStorage.getItem(DEVICE_KEYS.tillQueue)!)
    queue.push({ ...queue[0], id: 'q2', receiptId: 'R-2', status: 'pending', reason: undefined })
    queue.push({ ...queue[0], id: 'q3', receiptId: 'R-3', status: 'pending', reason: undefined })
    localStorage.setItem(DEVICE_KEYS.tillQueue, JSON.stringify(queue))
    expect(session.unsentTillPurchases()).toBe(2)
  })

  it('leaves nothing of the member on the device: storage, IndexedDB and the stores in memory', async () => {
    deviceInUse()
    const session = useSessionStore()
    const members = useMemberStore()
    const coupons = useCouponsStore()
    // The coupons screen is open: its listener holds the member's coupons.
    coupons.listen()
    const card = useCardStore()
    const history = useHistoryStore()
    const till = useTillStore()
    await card.ensureKey(DANA.uid, 0)
    await history.reload()
    expect(members.member?.balance).toBe(1200)
    expect(coupons.coupons).toHaveLength(1)
    expect(card.key).not.toBeNull()
    expect(history.entries).toHaveLength(1)
    expect(till.queue).toHaveLength(1)

    expect(session.signingOut).toBe(false)
    await session.signOut()

    // Firebase's session ends first, so no listener caches the member again; then its IndexedDB copy goes.
    expect(api.calls).toEqual(['signOut', 'clearCachedData'])
    // Still signing out until the header loads a fresh page: no screen jumps to sign-in before that.
    expect(session.signingOut).toBe(true)
    expect(Object.keys(localStorage).sort()).toEqual(['moadon.install.dismissedAt', 'moadon.locale', 'moadon.referral'])
    expect(session.user).toBeNull()
    expect(members.member).toBeNull()
    expect(coupons.coupons).toEqual([])
    expect(card.key).toBeNull()
    expect(history.entries).toEqual([])
    expect(till.queue).toEqual([])
    expect(till.customer).toBeNull()

    // The next app start on this device knows nobody.
    setActivePinia(createPinia())
    expect(useSessionStore().user).toBeNull()
    expect(useTillStore().queue).toEqual([])
  })

  it('lets a failure to delete the offline copy reach the caller, instead of looking signed out', async () => {
    deviceInUse()
    const session = useSessionStore()
    api.clearCachedData.mockRejectedValueOnce(Object.assign(new Error('not terminated'), { code: 'failed-precondition' }))
    await expect(session.signOut()).rejects.toMatchObject({ code: 'failed-precondition' })
  })

  it('forgets the device data too when the session ends elsewhere (revoked, signed out in another tab)', async () => {
    deviceInUse()
    const session = useSessionStore()
    const card = useCardStore()
    await card.ensureKey(DANA.uid, 0)

    api.session?.(null)

    expect(session.user).toBeNull()
    expect(session.signingOut).toBe(false)
    expect(card.key).toBeNull()
    expect(localStorage.getItem(DEVICE_KEYS.cardKey(DANA.uid))).toBeNull()
    expect(localStorage.getItem(DEVICE_KEYS.cache('member'))).toBeNull()
  })
})
