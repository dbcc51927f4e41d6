import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AwardResult, PurchaseResult } from '../../src/domain/contracts/callable-results'
import type { ClaimActionInput } from '../../src/domain/earn/actions'
import { paths } from '../../src/domain/shared/paths'
import { grantBadges, visitBadges } from '../../functions/src/earn/badges'
import { recordPurchase } from '../../functions/src/purchases/record'
import { demoConfig, demoPartners } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, receiptId, requestId, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

const claim = (member: Client, actionId: ClaimActionInput['actionId'], id = requestId()) =>
  member.call<ClaimActionInput, AwardResult>('claimAction', { actionId, requestId: id })

const activityEntries = async (uid: string, ruleId: string) => (await ledgerDocs(uid)).filter((entry) => entry.ref === ruleId)

async function badgeIds(uid: string): Promise<string[]> {
  return (await admin().db.collection(paths.badges(uid)).get()).docs.map((doc) => doc.id).sort()
}

describe('claimAction', () => {
  it('pays a share of the referral link up to the monthly cap, then refuses with cap-per-month and changes nothing', async () => {
    const member = await joinedMember()
    for (let i = 0; i < 3; i++) expect(await claim(member, 'share-referral')).toMatchObject({ points: 10, replayed: false })
    const before = await memberDoc(member.uid)
    expect(before.balance).toBe(80)
    expect(before.earnUsage['share-referral']).toMatchObject({ monthCount: 3, total: 3 })
    expect(await failure(claim(member, 'share-referral'))).toEqual({ code: 'resource-exhausted', reason: 'cap-per-month' })
    const after = await memberDoc(member.uid)
    expect(after.balance).toBe(80)
    expect(after.earnUsage).toEqual(before.earnUsage)
    expect(await activityEntries(member.uid, 'share-referral')).toHaveLength(3)
  })

  it('pays one share for 20 parallel duplicates of the same request', { timeout: 90_000 }, async () => {
    const member = await joinedMember()
    const id = requestId()
    const results = await Promise.all(Array.from({ length: 20 }, () => claim(member, 'share-referral', id)))
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect(results.every((r) => r.points === 10)).toBe(true)
    expect((await memberDoc(member.uid)).balance).toBe(60)
    expect(await activityEntries(member.uid, 'share-referral')).toHaveLength(1)
  })

  // Parallel claims contend for one member document and usage counter: the emulator's locks make
  // them slow (more so on a busy machine), not wrong.
  it('pays at most the cap for parallel different shares; the rest are refused', { timeout: 90_000 }, async () => {
    const member = await joinedMember()
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => claim(member, 'share-referral')))
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3)
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
    expect(refused.map((o) => (o.reason as { details?: { reason?: string } }).details?.reason)).toEqual(Array(5).fill('cap-per-month'))
    expect((await memberDoc(member.uid)).balance).toBe(80)
  })

  it('pays a follow once; other follows are refused with cap-once, even 10 at once', { timeout: 90_000 }, async () => {
    const member = await joinedMember()
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => claim(member, 'follow-social')))
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    expect(await failure(claim(member, 'follow-social'))).toEqual({ code: 'resource-exhausted', reason: 'cap-once' })
    expect((await memberDoc(member.uid)).balance).toBe(65)
    expect(await activityEntries(member.uid, 'follow-social')).toHaveLength(1)
  })
})

describe('badges', () => {
  it('grants the first purchase once under parallel purchases at the till', { timeout: 90_000 }, async () => {
    const member = await joinedMember()
    const staff = await Promise.all(['super-hashchuna', 'cafe-shachar', 'carmel-books'].map((partnerId) => roleClient({ role: 'staff', partnerId })))
    // Typed member numbers: a card shows one live code at a time, and three tills ring up at once.
    const input = () => ({ memberNo: member.memberNo, typedReason: 'qr-unreadable', amount: 20, receiptId: receiptId(), tillId: 'test-till-0001' })
    const results = await Promise.all(staff.map((till) => till.call<unknown, PurchaseResult>('recordPurchase', input())))
    expect(results.every((r) => r.status === 'recorded')).toBe(true)
    expect(await badgeIds(member.uid)).toEqual(['first-purchase'])
  })

  it('grants five different stores once, whatever the number of parallel triggers', async () => {
    const member = await joinedMember()
    const db = admin().db
    for (const partner of demoPartners.slice(0, 5)) {
      await recordPurchase(db, {
        uid: member.uid,
        partner,
        amount: 10,
        receiptId: receiptId(),
        staff: { uid: `staff-${partner.id}`, email: null, memberUid: null, tillId: 'test-till-0001' },
        config: demoConfig,
      })
    }
    const granted = await Promise.all(Array.from({ length: 20 }, () => visitBadges(db, member.uid)))
    expect(granted.flat().sort()).toEqual(['first-purchase', 'five-partners'])
    expect(await badgeIds(member.uid)).toEqual(['first-purchase', 'five-partners'])
  })

  it('grants a badge from another path (a hunt, a review) once, and keeps the first moment', async () => {
    const member = await joinedMember()
    const db = admin().db
    const first = new Date('2026-01-02T10:00:00Z')
    const granted = await Promise.all(Array.from({ length: 20 }, (_, i) => grantBadges(db, member.uid, { huntsFinished: 1, reviews: 1 }, i === 0 ? first : new Date())))
    expect(granted.flat().sort()).toEqual(['first-review', 'hunt-finished'])
    expect(await grantBadges(db, member.uid, { huntsFinished: 3 })).toEqual([])
    expect(await badgeIds(member.uid)).toEqual(['first-review', 'hunt-finished'])
  })

  it('grants the profile badge with the profile reward, once under 20 parallel claims', { timeout: 90_000 }, async () => {
    const member = await joinedMember('Full Profile', { birthday: '1991-07-07', interests: ['coffee', 'books', 'kids'] })
    const results = await Promise.all(Array.from({ length: 20 }, () => member.call<object, AwardResult>('claimProfileReward', {})))
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect((await memberDoc(member.uid)).balance).toBe(90)
    expect(await badgeIds(member.uid)).toEqual(['profile-complete'])
  })

  it('grants no profile badge for an incomplete profile', async () => {
    const member = await joinedMember()
    expect(await failure(member.call('claimProfileReward', {}))).toEqual({ code: 'failed-precondition', reason: 'profile-incomplete' })
    expect(await badgeIds(member.uid)).toEqual([])
  })
})
